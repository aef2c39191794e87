package dev.stance.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formats {@link ArticleSource} reads besides plain UTF-8 text and JSON Lines. */
class ArticleSourceFormatsTest {
    @TempDir
    Path dir;

    private List<Article> read(byte[] stdin, boolean keep, String... inputs) {
        List<Article> out = new ArrayList<>();
        new ArticleSource(List.of(inputs), new ByteArrayInputStream(stdin), keep).forEach(out::add);
        return out;
    }

    @Test
    void utf16TextWithAByteOrderMarkIsReadAndWithoutOneIsBinary() throws Exception {
        ByteArrayOutputStream le = new ByteArrayOutputStream();
        le.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        le.writeBytes("«Vi er klare», sa hun.".getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("a.txt"), le.toByteArray());
        Files.write(dir.resolve("b.txt"), "Talks resumed.".getBytes(StandardCharsets.UTF_16LE));
        List<Article> a = read(new byte[0], false, dir.toString());
        assertEquals("«Vi er klare», sa hun.", a.get(0).text());
        assertTrue(a.get(1).error().startsWith("binary input"), a.get(1).error());
    }

    @Test
    void aSavedPageOnStdinIsExtractedLikeAnHtmlFile() throws Exception {
        byte[] page = Files.readAllBytes(SavedNewsPagesTest.pages().resolve("nn-vestavind.html"));
        Article fromStdin = read(page, false, "-").get(0);
        Path file = dir.resolve("p.html");
        Files.write(file, page);
        Article fromFile = read(new byte[0], false, file.toString()).get(0);
        assertEquals(fromFile.text(), fromStdin.text());
        assertEquals("Ordføraren krev svar frå Moskva etter grensehendinga", fromStdin.title());
        assertFalse(fromStdin.text().contains("Kommentarar"));
        assertTrue(read(page, true, "-").get(0).text().contains("Kommentarar"));
    }

    @Test
    void warcFilesAreWalkedInFoldersAndMakeTheCountUnknown() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "One.");
        Files.write(dir.resolve("b.warc"), WarcArticlesTest.record(WarcArticlesTest.response("https://x.example/",
                200, "text/plain; charset=utf-8", "Talks resumed in Vienna.".getBytes(StandardCharsets.UTF_8)),
                org.netpreserve.jwarc.WarcCompression.NONE));
        List<Article> a = read(new byte[0], false, dir.toString());
        assertEquals(2, a.size());
        assertEquals("Talks resumed in Vienna.", a.get(1).text());
        assertEquals("https://x.example/", a.get(1).url());
        assertEquals(-1, new ArticleSource(List.of(dir.toString()), new ByteArrayInputStream(new byte[0]))
                .countIfKnown());
    }
}

package dev.stance.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleSourceTest {
    @TempDir
    Path dir;

    private List<Article> read(String... inputs) {
        List<Article> out = new ArrayList<>();
        new ArticleSource(List.of(inputs), new ByteArrayInputStream(new byte[0])).forEach(out::add);
        return out;
    }

    /** Writes {@code total} bytes of one long line without holding them in memory. */
    private Path oneLine(String name, String prefix, long total) throws Exception {
        Path f = dir.resolve(name);
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'a');
        for (int i = 0; i < block.length; i += 50) {
            block[i] = ' ';
        }
        try (OutputStream o = Files.newOutputStream(f)) {
            o.write(prefix.getBytes(StandardCharsets.UTF_8));
            for (long w = prefix.length(); w < total; w += block.length) {
                o.write(block, 0, (int) Math.min(block.length, total - w));
            }
        }
        return f;
    }

    @Test
    void readsMarkdownAndHtmlAsPlainTextParagraphs() throws Exception {
        Files.writeString(dir.resolve("a.md"), "# Tittel\n\nDet **første** avsnittet.");
        Files.writeString(dir.resolve("b.html"), "<p>Hei &amp; hallo.</p><p>Neste.</p>");
        Files.writeString(dir.resolve("c.htm"), "<div><!-- only markup --></div>");
        List<Article> a = read(dir.toString());
        assertEquals("Tittel\n\nDet første avsnittet.", a.get(0).text());
        assertEquals("Hei & hallo.\n\nNeste.", a.get(1).text());
        assertTrue(a.get(2).failed());
        assertTrue(a.get(2).error().contains("no text"));
    }

    @Test
    void fiftyMegabyteSingleLineFilesAreRefusedUnreadAndTheRunGoesOn() throws Exception {
        Path txt = oneLine("huge.txt", "", 50L * 1024 * 1024);
        Path jsonl = oneLine("huge.jsonl", "{\"id\":\"h\",\"text\":\"", 50L * 1024 * 1024);
        Files.writeString(dir.resolve("small.txt"), "Talks resumed on Monday.");
        Runtime rt = Runtime.getRuntime();
        List<Article> a = read(txt.toString(), jsonl.toString(), dir.resolve("small.txt").toString());
        assertEquals(3, a.size());
        assertTrue(a.get(0).error().contains("too large"), a.get(0).error());
        assertTrue(a.get(1).error().contains("too large"), a.get(1).error());
        assertEquals(jsonl + ":1", a.get(1).id());
        assertFalse(a.get(2).failed());
        // bounded: never more than one article's limit of characters held, far below the file size
        assertTrue(rt.totalMemory() - rt.freeMemory() < rt.maxMemory());
    }

    @Test
    void invalidUtf8InTheMiddleOfJsonLinesNamesTheLine() throws Exception {
        byte[] good = "{\"id\":\"g\",\"text\":\"Fine.\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        Path f = dir.resolve("mixed.jsonl");
        Files.write(f, good);
        Files.write(f, bad, java.nio.file.StandardOpenOption.APPEND);
        List<Article> a = read(f.toString());
        assertEquals("g", a.get(0).id());
        assertTrue(a.get(1).failed());
        assertTrue(a.get(1).error().contains("UTF-8"), a.get(1).error());
    }

    @Test
    void truncatedLastJsonLineAndEmptyJsonlFileGiveErrorRecords() throws Exception {
        Files.writeString(dir.resolve("cut.jsonl"), "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"te");
        Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
        List<Article> a = read(dir.resolve("cut.jsonl").toString(), dir.resolve("empty.jsonl").toString());
        assertEquals(3, a.size());
        assertFalse(a.get(0).failed());
        assertTrue(a.get(1).error().startsWith("malformed JSON"), a.get(1).error());
        assertTrue(a.get(2).error().contains("empty"));
    }

    private static String errorOf(List<Article> as, String nameEnd) {
        return as.stream().filter(a -> a.id().endsWith(nameEnd)).findFirst().orElseThrow().error();
    }

    @Test
    void symlinkToAFolderIsFollowedAndALoopBackIsAnErrorRecord() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("a.txt"), "Talks resumed.");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Files.createSymbolicLink(real.resolve("back"), real);
        List<Article> as = read(link.toString());
        assertEquals("Talks resumed.", as.stream().filter(a -> !a.failed()).findFirst().orElseThrow().text());
        assertTrue(errorOf(as, "back").contains("loop"), as.toString());
        assertEquals(2, as.size(), as.toString());
    }

    @Test
    void folderWithNothingToScoreIsAnErrorNotAnEmptyRun() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.csv"), "a,b");
        List<Article> as = read(empty.toString());
        assertEquals(1, as.size());
        assertTrue(as.get(0).error().contains("no articles found"), as.get(0).error());
    }

    @Test
    void fifoAndBrokenLinkInAFolderAreRefusedUnopenedWithAnErrorEach() throws Exception {
        Path d = Files.createDirectories(dir.resolve("d"));
        Files.writeString(d.resolve("a.txt"), "Talks resumed.");
        Files.createSymbolicLink(d.resolve("gone.txt"), d.resolve("missing.txt"));
        Path fifo = d.resolve("pipe.txt");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        List<Article> as = read(d.toString()); // would block forever if the FIFO were opened
        assertEquals(3, as.size(), as.toString());
        assertTrue(errorOf(as, "gone.txt").contains("broken symbolic link"));
        assertTrue(errorOf(as, "pipe.txt").contains("not a regular file"));
        assertEquals(3, new ArticleSource(List.of(d.toString()), System.in).countIfKnown());
    }

    @Test
    void namedPipeGivenExplicitlyIsReadAsAStream() throws Exception {
        Path fifo = dir.resolve("pipe.txt");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "Streamed article.");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        List<Article> as = read(fifo.toString());
        writer.join();
        assertEquals("Streamed article.", as.get(0).text());
    }
}

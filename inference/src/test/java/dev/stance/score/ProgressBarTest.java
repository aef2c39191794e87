package dev.stance.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarTest {
    @TempDir
    Path dir;

    private static final ArticleResult ONE = new ArticleResult(Article.ok("a", "x"), "s", "en", List.of(), null);

    @Test
    void showsRateAndTimeLeftWhenTheTotalIsKnown() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), 100, now::get);
        for (int i = 0; i < 25; i++) {
            bar.accept(ONE);
        }
        now.set(5_000_000_000L);
        assertEquals("[######..................] 25/100 articles  5.0/s  ETA 0:00:15", bar.line(now.get()));
        bar.finish();
        assertTrue(err.toString(StandardCharsets.UTF_8).endsWith("\n"));
    }

    @Test
    void withoutTotalShowsOnlyCountAndRate() {
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), -1, now::get);
        bar.accept(ONE);
        now.set(2_000_000_000L);
        assertEquals("1 articles  0.5/s", bar.line(now.get()));
    }

    @Test
    void totalIsKnownForFoldersOfFilesButNotForJsonLinesOrStdin() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("d/e")).resolve("a.txt"), "A.");
        Files.writeString(dir.resolve("d/b.md"), "B.");
        Files.writeString(dir.resolve("d/ignored.pdf"), "C.");
        assertEquals(2, new ArticleSource(List.of(dir.resolve("d").toString()), System.in).countIfKnown());
        assertEquals(-1, new ArticleSource(List.of("-"), System.in).countIfKnown());
        Files.writeString(dir.resolve("d/c.jsonl"), "{}");
        assertEquals(-1, new ArticleSource(List.of(dir.resolve("d").toString()), System.in).countIfKnown());
    }
}

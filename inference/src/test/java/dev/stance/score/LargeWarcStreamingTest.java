package dev.stance.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A WARC of over 200 MB (pages among large image records, one page over the size limit) is read in a separate
 * JVM whose heap is capped at 64 MB: the reader streams records instead of loading the file. The memory of a real
 * run is measured by the benchmark command in the README, not here.
 */
class LargeWarcStreamingTest {
    private static final long TARGET_BYTES = 200L * 1024 * 1024;
    private static final int IMAGE_BYTES = 2 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aWarcOfOver200MegabytesStreamsThroughA64MegabyteHeap() throws Exception {
        Path warc = dir.resolve("big.warc");
        byte[] image = new byte[IMAGE_BYTES];
        new Random(7).nextBytes(image);
        byte[] tooLarge = ("<html><body><p>" + "Talks went on. ".repeat(9 * 1024 * 1024 / 15) + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        int pages = 0;
        int errors = 0;
        try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            WarcWriter w = new WarcWriter(ch, WarcCompression.NONE);
            w.write(new WarcResource.Builder(URI.create("https://big.example/huge.html")).date(Instant.EPOCH)
                    .body(MediaType.parse("text/html; charset=utf-8"), tooLarge).build());
            errors++;
            for (int i = 0; ch.size() < TARGET_BYTES; i++) {
                if (i % 3 == 0) {
                    String page = SavedNewsPagesTest.PAGES.get(pages % SavedNewsPagesTest.PAGES.size());
                    w.write(WarcArticlesTest.response("https://big.example/" + i, 200,
                            page.startsWith("de") ? "text/html; charset=windows-1252" : "text/html; charset=utf-8",
                            WarcArticlesTest.page(page)));
                    pages++;
                } else {
                    w.write(new WarcResource.Builder(URI.create("https://big.example/" + i + ".jpg"))
                            .date(Instant.EPOCH).body(MediaType.parse("image/jpeg"), image).build());
                    errors++;
                }
            }
        }
        assertTrue(Files.size(warc) >= TARGET_BYTES);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargeWarcStreamingTest.class.getName(), warc.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("articles=" + pages + " errors=" + errors), out);
    }

    /** Reads the WARC given as argument through {@link ArticleSource} and prints the counts. */
    public static void main(String[] args) {
        int ok = 0;
        int failed = 0;
        for (Article a : new ArticleSource(List.of(args), new ByteArrayInputStream(new byte[0]))) {
            if (a.failed()) {
                failed++;
            } else {
                ok++;
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println("articles=" + ok + " errors=" + failed + " max_heap_mb=" + rt.maxMemory() / (1024 * 1024));
    }
}

package dev.stance.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes a gzipped WARC of synthetic news pages for measuring WARC input: each page wraps a
 * {@link SyntheticArticles} article in the furniture of a real one (cookie banner, menu, ad labels, a "Les også"
 * teaser, share bar, related links, reader comments, footer) and carries about 60 KB of inline script, as
 * real pages carry their scripts; every tenth record is a 30 KB JPEG-typed response, which the reader reports as an
 * error record. Each record is its own gzip member, as crawlers write them. Deterministic for a given size.
 * Usage: {@code SyntheticWarc <file.warc.gz> <megabytes>}.
 */
public final class SyntheticWarc {
    private static final int SCRIPT_LINES = 600;
    private static final int IMAGE_BYTES = 30 * 1024;

    private SyntheticWarc() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SyntheticWarc <file.warc.gz> <megabytes>");
            System.exit(1);
        }
        long target = Long.parseLong(args[1]) * 1024 * 1024;
        int[] counts = write(Path.of(args[0]), target);
        System.out.printf("wrote %d pages and %d images to %s%n", counts[0], counts[1], args[0]);
    }

    /** Writes records until the file holds {@code targetBytes}; returns {pages, images}. */
    public static int[] write(Path file, long targetBytes) throws IOException {
        Random r = new Random(42);
        Instant crawled = Instant.parse("2026-03-01T00:00:00Z");
        int pages = 0;
        int images = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP);
            for (int i = 0; ch.size() < targetBytes; i++) {
                String uri;
                HttpResponse http;
                if (i % 10 == 9) {
                    byte[] image = new byte[IMAGE_BYTES];
                    r.nextBytes(image);
                    uri = "https://news.example/img/" + i + ".jpg";
                    http = new HttpResponse.Builder(200, "OK").body(MediaType.parse("image/jpeg"), image).build();
                    images++;
                } else {
                    uri = "https://news.example/articles/" + i;
                    byte[] page = page(SyntheticArticles.article(pages, r), r).getBytes(StandardCharsets.UTF_8);
                    http = new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html; charset=utf-8"), page)
                            .build();
                    pages++;
                }
                w.write(new WarcResponse.Builder(uri).date(crawled.plusSeconds(i)).body(http).build());
            }
        }
        return new int[] {pages, images};
    }

    private static String page(String article, Random r) {
        String[] paragraphs = article.strip().split("\n\n");
        StringBuilder b = new StringBuilder(96 * 1024);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(paragraphs[0]))
                .append(" | Nyhetene</title>\n<script>\n");
        byte[] noise = new byte[60];
        for (int k = 0; k < SCRIPT_LINES; k++) {
            r.nextBytes(noise);
            b.append("window.cfg").append(k).append(" = \"").append(Base64.getEncoder().encodeToString(noise))
                    .append("\";\n");
        }
        b.append("</script></head><body>\n")
                .append("<div class=\"cookie-consent\"><p>Vi bruker informasjonskapsler for å tilpasse innhold og"
                        + " annonser.</p><button>Godta alle</button><button>Innstillinger</button></div>\n")
                .append("<header><nav><ul><li><a href=\"/\">Forsiden</a></li><li><a href=\"/nyheter\">Nyheter</a>"
                        + "</li><li><a href=\"/sport\">Sport</a></li><li><a href=\"/kultur\">Kultur</a></li></ul>"
                        + "</nav></header>\n<div class=\"ad\"><span>Annonse</span></div>\n<main><article>\n<h1>")
                .append(escape(paragraphs[0])).append("</h1>\n<p class=\"byline\">Av Nyhetene</p>\n");
        for (int k = 1; k < paragraphs.length; k++) {
            b.append("<p>").append(escape(paragraphs[k])).append("</p>\n");
            if (k == 3) {
                b.append("<div class=\"ad\"><p>Annonse</p></div>\n");
            }
            if (k == 5) {
                b.append("<p><strong>Les også:</strong> <a href=\"/a\">Nye samtaler planlagt i Wien</a></p>\n");
            }
        }
        b.append("<div class=\"share\"><a>Del på Facebook</a><a>Del på X</a><a>Kopier lenke</a></div>\n")
                .append("</article>\n<section class=\"related\"><h2>Mer om saken</h2><ul><li><a>Forhandlingene"
                        + " fortsetter</a></li><li><a>Flere flykter fra grenseområdet</a></li></ul></section>\n")
                .append("<section class=\"comments\"><h2>Kommentarer (2)</h2><div class=\"comment\"><p>Dette tror"
                        + " jeg ikke noe på.</p></div><div class=\"comment\"><p>Endelig skjer det noe.</p></div>"
                        + "</section>\n</main><footer><p>© 2026 Nyhetene. Alle rettigheter forbeholdt.</p></footer>"
                        + "</body></html>\n");
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

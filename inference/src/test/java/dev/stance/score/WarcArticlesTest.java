package dev.stance.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.model.FixedModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** WARC files built here with jwarc's writer from the saved-page fixtures, with damaged and unwanted records. */
class WarcArticlesTest {
    static final Instant CRAWLED = Instant.parse("2026-03-15T06:00:00Z");

    @TempDir
    Path dir;

    static byte[] page(String name) throws IOException {
        return Files.readAllBytes(SavedNewsPagesTest.pages().resolve(name + ".html"));
    }

    /** One record as it is written: a gzip member of its own, or plain bytes. */
    static byte[] record(WarcRecord r, WarcCompression c) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new WarcWriter(Channels.newChannel(b), c).write(r);
        return b.toByteArray();
    }

    static WarcResponse response(String uri, int status, String contentType, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .body(MediaType.parse(contentType), body).build();
        return new WarcResponse.Builder(uri).date(CRAWLED).body(http).build();
    }

    private List<Article> read(Path warc) {
        List<Article> out = new ArrayList<>();
        new ArticleSource(List.of(warc.toString()), new ByteArrayInputStream(new byte[0])).forEach(out::add);
        return out;
    }

    /** A gzipped WARC: the four pages among a warcinfo, a request, an image, a 404, a lying charset, a corrupt
     * gzip member and a record cut off by the end of the file. */
    private Path mixedWarc() throws IOException {
        WarcCompression gz = WarcCompression.GZIP;
        Path f = dir.resolve("crawl.warc.gz");
        try (OutputStream o = Files.newOutputStream(f)) {
            o.write(record(new Warcinfo.Builder().fields(java.util.Map.of("software", List.of("test"))).build(), gz));
            o.write(record(response("https://www.fjordposten.no/a", 200, "text/html; charset=utf-8",
                    page("nb-fjordposten")), gz));
            o.write(record(new WarcRequest.Builder("https://www.fjordposten.no/a").date(CRAWLED)
                    .body(MediaType.HTTP_REQUEST, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                    .build(), gz));
            o.write(record(response("https://www.fjordposten.no/logo.jpg", 200, "image/jpeg",
                    new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3}), gz));
            o.write(record(response("https://vestavind.no/n", 200, "text/html", page("nn-vestavind")), gz));
            o.write(record(response("https://vestavind.no/gone", 404, "text/html",
                    "<html><body><p>Fant ikke siden.</p></body></html>".getBytes(StandardCharsets.UTF_8)), gz));
            o.write(record(response("https://harbourtimes.example/lying", 200, "text/html; charset=iso-8859-1",
                    page("en-harbourtimes")), gz));
            byte[] corrupt = record(response("https://harbourtimes.example/corrupt", 200, "text/html",
                    page("en-harbourtimes")), gz);
            Arrays.fill(corrupt, 20, 60, (byte) 0x55);
            o.write(corrupt);
            o.write(record(new WarcResource.Builder(java.net.URI.create("https://www.rheinbote.example/d")).date(CRAWLED)
                    .body(MediaType.parse("text/html; charset=windows-1252"), page("de-rheinbote")).build(), gz));
            o.write(record(response("https://harbourtimes.example/e", 200, "text/html; charset=UTF-8",
                    page("en-harbourtimes")), gz));
            byte[] last = record(response("https://harbourtimes.example/cut", 200, "text/html", page("en-harbourtimes")), gz);
            o.write(last, 0, last.length / 2);
        }
        return f;
    }

    @Test
    void htmlResponsesBecomeArticlesAndBadRecordsBecomeErrorsWhileTheRunGoesOn() throws IOException {
        Path warc = mixedWarc();
        List<Article> a = read(warc);
        List<String> summary = a.stream().map(x -> (x.failed() ? "ERR " : "OK ")
                + x.id().replaceAll(" <urn:uuid:[^>]+>", " <id>")).toList();
        assertEquals(List.of(
                "OK https://www.fjordposten.no/a <id>",
                "ERR https://www.fjordposten.no/logo.jpg <id>",
                "OK https://vestavind.no/n <id>",
                "ERR https://vestavind.no/gone <id>",
                "ERR https://harbourtimes.example/lying <id>",
                "ERR " + warc + "@" + a.get(5).id().substring(a.get(5).id().lastIndexOf('@') + 1),
                "OK https://www.rheinbote.example/d <id>",
                "OK https://harbourtimes.example/e <id>"), summary.subList(0, 8), a.toString());
        // the record cut off by the end of the file: named by the record when its header survived, else by offset
        assertEquals(9, a.size());
        assertTrue(a.get(8).failed() && a.get(8).error().contains("damaged")
                && a.get(8).error().contains("end of gzip stream"), a.get(8).toString());
        assertTrue(a.get(1).error().contains("payload is image/jpeg, not HTML or text"), a.get(1).error());
        assertTrue(a.get(3).error().contains("HTTP status 404"), a.get(3).error());
        assertTrue(a.get(4).error().contains("declares ISO-8859-1 in the HTTP Content-Type but its bytes are UTF-8"),
                a.get(4).error());
        assertTrue(a.get(5).error().contains("damaged WARC data") && a.get(5).error().contains("goes on"),
                a.get(5).error());
        Article nb = a.get(0);
        assertEquals("https://www.fjordposten.no/a", nb.url());
        assertEquals("2026-03-15T06:00:00Z", nb.date());
        assertEquals("Utenriksministeren: – Vi er klare for nye samtaler i Wien", nb.title());
        assertTrue(a.get(6).text().contains("„Wir sind zu ernsthaften Gesprächen über einen Waffenstillstand bereit"));
    }

    @Test
    void statementsComeFromTheArticleBodiesOnly() throws IOException {
        Set<String> body = new HashSet<>();
        for (String p : SavedNewsPagesTest.PAGES) {
            body.addAll(SavedNewsPagesTest.bodySentences(p));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ArticleResult> results = new ArrayList<>();
        BatchScorer.Summary s;
        try (var w = new JsonlResultWriter(AtomicOutput.toStream(out))) {
            s = new BatchScorer(new FixedModel()).listen(results::add)
                    .run(new ArticleSource(List.of(mixedWarc().toString()), new ByteArrayInputStream(new byte[0])), w);
        }
        assertEquals(9, s.articles());
        assertEquals(5, s.failed());
        int statements = 0;
        for (ArticleResult r : results) {
            for (ScoredSentence x : r.sentences()) {
                assertTrue(body.contains(SavedNewsPagesTest.norm(x.text())), x.text());
                statements += x.kind().key().equals("narration") ? 0 : 1;
            }
        }
        assertTrue(statements >= 15, "statements: " + statements);
        String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("{\"article\":\"https://www.fjordposten.no/a <urn:uuid:")
                && first.contains("\"url\":\"https://www.fjordposten.no/a\",\"date\":\"2026-03-15T06:00:00Z\""), first);
    }

    @Test
    void anUncompressedWarcResumesAtTheNextHeaderAfterGarbageAndReportsATruncatedEnd() throws IOException {
        WarcCompression none = WarcCompression.NONE;
        Path f = dir.resolve("plain.warc");
        try (OutputStream o = Files.newOutputStream(f)) {
            o.write(record(response("https://vestavind.no/1", 200, "text/html", page("nn-vestavind")), none));
            o.write("this is not a WARC record at all\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            o.write(record(response("https://vestavind.no/2", 200, "text/html", page("nn-vestavind")), none));
            byte[] cut = record(response("https://vestavind.no/3", 200, "text/html", page("nn-vestavind")), none);
            o.write(cut, 0, cut.length - 500);
        }
        List<Article> a = read(f);
        assertEquals(4, a.size(), a.toString());
        assertFalse(a.get(0).failed());
        assertTrue(a.get(1).failed() && a.get(1).id().startsWith(f + "@"), a.get(1).toString());
        assertEquals("https://vestavind.no/2", a.get(2).url());
        assertFalse(a.get(2).failed());
        assertTrue(a.get(3).failed() && a.get(3).error().contains("damaged record"), a.get(3).toString());
    }

    @Test
    void aWarcWithoutArticlesOrNotAWarcAtAllIsAnErrorRecord() throws IOException {
        Path empty = dir.resolve("empty.warc");
        Files.write(empty, record(new Warcinfo.Builder().fields(java.util.Map.of("x", List.of("y"))).build(),
                WarcCompression.NONE));
        Path junk = dir.resolve("junk.warc.gz");
        Files.writeString(junk, "<html>not a web archive</html>");
        List<Article> a = read(empty);
        assertEquals(1, a.size());
        assertTrue(a.get(0).error().contains("no response or resource records"), a.get(0).error());
        List<Article> b = read(junk);
        assertEquals(1, b.size());
        assertTrue(b.get(0).failed(), b.get(0).toString());
    }
}

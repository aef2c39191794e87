package dev.stance.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.data.DataFormatException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's guards and the session's file, over plain HTTP (the page itself: {@link LabelPageChromiumTest}). */
class LabelServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void postsNeedThisServersOriginAndJsonAndValidLabels() throws Exception {
        Path answers = dir.resolve("a.jsonl");
        try (LabelSession session = LabelSession.open(LabelPageChromiumTest.queue(), answers);
             LabelServer server = LabelServer.start(session, "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            String ok = "{\"id\":\"q1\",\"action\":\"label\",\"stance\":\"hostile\",\"openness\":\"none\"}";
            assertEquals(403, post(base, null, "application/json", ok).statusCode(), "no Origin");
            assertEquals(403, post(base, "http://evil.example", "application/json", ok).statusCode());
            assertEquals(403, post(base, "http://127.0.0.1:1", "application/json", ok).statusCode(), "other port");
            assertEquals(403, post(base, base, "text/plain", ok).statusCode(), "form-like content type");
            assertEquals(4, server.refused());
            HttpResponse<String> bad = post(base, base, "application/json",
                    "{\"id\":\"q1\",\"action\":\"label\",\"stance\":\"angry\",\"openness\":\"none\"}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("stance must be one of"), bad.body());
            assertEquals(400, post(base, base, "application/json", "{\"id\":\"q2\",\"action\":\"skip\"}").statusCode(),
                    "an answer for an item that is not on screen");
            assertEquals(400, post(base, base, "application/json", "[1,2").statusCode());
            assertEquals(0, Files.size(answers));

            HttpResponse<String> good = post(base, base, "application/json", ok);
            assertEquals(200, good.statusCode(), good.body());
            assertTrue(good.body().contains("\"done\":1"), good.body());
            assertEquals(1, Files.readAllLines(answers).size());
        }
    }

    @Test
    void foreignHostIsRefusedAndPagesCarryAStrictPolicy() throws Exception {
        try (LabelSession session = LabelSession.open(LabelPageChromiumTest.queue(), dir.resolve("a.jsonl"));
             LabelServer server = LabelServer.start(session, "127.0.0.1", 0)) {
            // DNS rebinding: a foreign name resolving to this machine still names itself in Host
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("GET /api/state HTTP/1.1\r\nHost: attacker.example:" + server.port()
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(reply.startsWith("HTTP/1.1 403"), reply);
            }
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), csp);
            assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "external resource in the page");
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/etc/passwd")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void undoCutsTheLastLineAndATornLineIsDroppedOnReopen() throws Exception {
        Path answers = dir.resolve("a.jsonl");
        try (LabelSession s = LabelSession.open(LabelPageChromiumTest.queue(), answers)) {
            s.answer("q1", "accept", null, null);
            s.answer("q2", "skip", null, null);
            long afterTwo = Files.size(answers);
            s.answer("q3", "not_statement", null, null);
            s.undo();
            assertEquals(afterTwo, Files.size(answers));
            assertEquals("q3", s.current().statement().id());
        }
        // a crash in the middle of writing q3's line
        Files.writeString(answers, "{\"id\":\"q3\",\"sta", java.nio.file.StandardOpenOption.APPEND);
        try (LabelSession s = LabelSession.open(LabelPageChromiumTest.queue(), answers)) {
            assertEquals("q3", s.current().statement().id());
            assertEquals(2, Files.readAllLines(answers).size());
        }
        Files.writeString(answers, "not json\n", java.nio.file.StandardOpenOption.APPEND);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> LabelSession.open(LabelPageChromiumTest.queue(), answers));
        assertTrue(e.getMessage().contains(answers + ":3"), e.getMessage());
    }

    private static HttpResponse<String> post(String base, String origin, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/answer"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.stance.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.data.Task;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labelling page in headless Chromium, driven by real key presses over the DevTools protocol. */
class LabelPageChromiumTest {
    @TempDir
    Path dir;

    /** Four queue items; the first carries markup in its text and speaker, which must show as plain text. */
    static List<QueueItem> queue() {
        return List.of(
                item("q1", "<img src=x onerror=\"document.title='pwned'\"> We will answer every provocation, the general said.",
                        "<b>Gen. Ola Strand</b>", "hostile", "none"),
                item("q2", "The two delegations meet in Oslo on Thursday, the ministry said.", "the ministry", "neutral", "real"),
                item("q3", "They have broken every promise so far, Lea Moen said.", "Lea Moen", "skeptical", "none"),
                item("q4", "Read more about the summit on page 4.", null, "neutral", "none"));
    }

    @Test
    void keyboardLabellingUndoReloadAndResumeWriteTheAnswers() throws Exception {
        Path answers = dir.resolve("answers.jsonl");
        try (LabelSession session = LabelSession.open(queue(), answers);
             LabelServer server = LabelServer.start(session, "127.0.0.1", 0);
             DevToolsBrowser b = DevToolsBrowser.launch(dir)) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            b.navigate(url);
            awaitPosition(b, "q1@0");
            // markup in the queue is text on the page, never elements
            assertTrue(b.evaluate("document.getElementById('text').textContent").startsWith("<img src=x"));
            assertEquals("<b>Gen. Ola Strand</b>", b.evaluate("document.getElementById('speaker').textContent"));
            assertEquals("0", b.evaluate("String(document.querySelectorAll('main img, main b').length)"));
            assertFalse("pwned".equals(b.evaluate("document.title")));
            // the label definitions are one key away
            assertEquals("true", b.evaluate("String(document.getElementById('guide').hidden)"));
            b.press("?");
            assertEquals("false", b.evaluate("String(document.getElementById('guide').hidden)"));
            b.press("?");

            b.press("2"); // hostile
            b.press("w"); // rhetorical
            b.press("Enter");
            awaitPosition(b, "q2@1");
            b.press("a"); // accept neutral + real
            awaitPosition(b, "q3@2");
            b.press("4"); // change stance only: neutral + none
            b.press("Enter");
            awaitPosition(b, "q4@3");
            assertEquals(3, lines(answers).size());
            assertTrue(b.evaluate("document.getElementById('progress').textContent").startsWith("3 of 4 answered"));
            assertEquals("hostile 1, neutral 2", counts(b, "stance"));

            b.press("u"); // undo q3
            awaitPosition(b, "q3@2");
            assertEquals(2, lines(answers).size());

            b.navigate(url); // reload: continues at the first unanswered item
            awaitPosition(b, "q3@2");
            b.press("x"); // skip q3
            awaitPosition(b, "q4@3");
            b.press("n"); // q4 is not a statement
            awaitPosition(b, "finished@4");
        }

        List<JsonNode> lines = lines(answers);
        assertEquals(List.of("q1", "q2", "q3", "q4"), lines.stream().map(n -> n.get("id").asText()).toList());
        assertEquals(List.of("labelled", "labelled", "skipped", "not_statement"),
                lines.stream().map(n -> n.get("status").asText()).toList());
        assertEquals("hostile", lines.get(0).get("stance").asText());
        assertEquals("rhetorical", lines.get(0).get("openness").asText());
        assertFalse(lines.get(0).get("accepted").asBoolean());
        assertEquals("neutral", lines.get(1).get("stance").asText());
        assertEquals("real", lines.get(1).get("openness").asText());
        assertTrue(lines.get(1).get("accepted").asBoolean());
        assertFalse(lines.get(2).has("stance"));
        // the answers read as statement records
        List<Statement> records = StatementReader.readAll(List.of(answers));
        assertEquals(queue().get(0).statement().text(), records.get(0).text());

        // reopening resumes: nothing is left to answer
        try (LabelSession again = LabelSession.open(queue(), answers)) {
            assertNull(again.current());
            assertEquals(4, again.state().get("done").asInt());
        }
    }

    @Test
    void aPageOfAnotherOriginCannotPostAnswers() throws Exception {
        Path answers = dir.resolve("answers.jsonl");
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", ex -> {
            byte[] page = "<!DOCTYPE html><title>elsewhere</title><p>another site".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        other.start();
        try (LabelSession session = LabelSession.open(queue(), answers);
             LabelServer server = LabelServer.start(session, "127.0.0.1", 0);
             DevToolsBrowser b = DevToolsBrowser.launch(dir)) {
            b.navigate("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            String api = "http://127.0.0.1:" + server.port() + "/api/answer";
            String body = "JSON.stringify({id: 'q1', action: 'accept'})";
            // a "simple" request, sent without a preflight; the server must refuse it for its Origin
            b.evaluate("fetch('" + api + "', {method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'},"
                    + " body: " + body + "}).then(() => 'sent', e => 'failed')");
            // a JSON request needs a preflight, which is refused, so the POST itself is never sent
            String json = b.evaluate("fetch('" + api + "', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                    + " body: " + body + "}).then(r => 'status ' + r.status, e => 'blocked')");
            assertEquals("blocked", json);
            b.waitFor(() -> server.refused() >= 2, "both requests refused");
            assertEquals(0, Files.size(answers), "a cross-origin request wrote an answer");
            assertEquals("q1", session.current().statement().id());
        } finally {
            other.stop(0);
        }
    }

    private static void awaitPosition(DevToolsBrowser b, String position) throws InterruptedException {
        b.waitFor(() -> position.equals(b.evaluate("document.body.dataset.position")), "page at " + position
                + " (now " + b.evaluate("document.body.dataset.position") + ", error '"
                + b.evaluate("document.getElementById('error').textContent") + "')");
    }

    /** The non-zero counts of one task in the page's table, as "label n, label n". */
    private static String counts(DevToolsBrowser b, String task) {
        return b.evaluate("Array.from(document.querySelectorAll('#counts tbody tr'))"
                + ".map(r => Array.from(r.cells).map(c => c.textContent))"
                + ".filter(c => c[0] === '" + task + "' && c[2] !== '0').map(c => c[1] + ' ' + c[2]).join(', ')");
    }

    static List<JsonNode> lines(Path file) throws java.io.IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(QueueFile.JSON.readTree(line));
        }
        return out;
    }

    static QueueItem item(String id, String text, String speaker, String stance, String openness) {
        Map<Task, TaskPrediction> p = new EnumMap<>(Task.class);
        p.put(Task.STANCE, one(Task.STANCE, stance));
        p.put(Task.OPENNESS, one(Task.OPENNESS, openness));
        return new QueueItem(new Statement(id, text, "The sentence before " + id + ".", speaker, "en", null, null,
                "fixture-article-" + id, null, null), "fixture-article-" + id, new StatementPrediction(p), "fixture-model",
                "fixture reason");
    }

    private static TaskPrediction one(Task t, String label) {
        Map<String, Double> m = new LinkedHashMap<>();
        t.labels().forEach(l -> m.put(l, l.equals(label) ? 0.6 : 0.4 / (t.labels().size() - 1)));
        return new TaskPrediction(label, m);
    }
}

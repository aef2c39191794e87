package dev.stance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end through the CLI: train, evaluate --json, score with meaningful exit codes. */
class StanceCliTest {
    private static final Path SMALL = Path.of("src/test/resources/small.jsonl").toAbsolutePath();

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void redirect() {
        System.setProperty("stance.home", home.toString());
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.clearProperty("stance.home");
    }

    private int run(String... args) {
        out.reset();
        return StanceCli.commandLine().execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainEvaluateAndScoreEndToEnd() throws Exception {
        Path models = home.resolve("models");
        assertEquals(0, run("train", "--family", "ngram-tribuo", "--data", SMALL.toString(), "--folds", "2",
                "--out", models.resolve("tiny").toString(), "--set-default"));
        assertEquals("tiny-v1", Files.readString(models.resolve("DEFAULT")).strip());

        assertEquals(0, run("evaluate", "--model", "default", "--data", SMALL.toString(), "--json"));
        String json = stdout().strip();
        assertEquals(1, json.lines().count(), "exactly one JSON object on one line");
        JsonNode r = new ObjectMapper().readTree(json);
        assertEquals("tiny-v1", r.get("model").asText());
        assertEquals(48, r.get("n").asInt());
        for (String task : new String[] {"stance", "openness"}) {
            JsonNode t = r.get("tasks").get(task);
            assertTrue(t.get("macro_f1").isNumber() && t.get("accuracy").isNumber());
            assertTrue(t.get("per_class").size() > 0 && t.get("confusion").get("matrix").isArray());
        }
        assertTrue(r.get("by_lang").get("nb").get("stance").has("macro_f1"));

        Path articles = Files.createDirectories(home.resolve("in"));
        Files.writeString(articles.resolve("ok.txt"), "«Vi er klare for samtaler», sa ministeren. Møtet er mandag.");
        Path outFile = home.resolve("out.jsonl");
        assertEquals(0, run("score", "--out", outFile.toString(), articles.toString()));
        assertEquals(3, Files.readAllLines(outFile).size()); // two sentences and the completion marker

        Files.write(articles.resolve("bad.txt"), new byte[] {(byte) 0xC3, (byte) 0x28});
        assertEquals(2, run("score", "--out", outFile.toString(), articles.toString()));
        assertTrue(Files.readString(outFile).contains("\"error\":\"not valid UTF-8"));

        // resume: ok.txt is kept, not scored again; bad.txt is retried (and fails again)
        Files.writeString(articles.resolve("new.txt"), "Talks ended. Nobody said anything.");
        assertEquals(2, run("score", "--resume", "--out", outFile.toString(), articles.toString()));
        List<String> lines = Files.readAllLines(outFile);
        assertEquals(1, lines.stream().filter(l -> l.contains("not valid UTF-8")).count());
        assertEquals(2, lines.stream().filter(l -> l.contains("ok.txt")).count());
        assertEquals(2, lines.stream().filter(l -> l.contains("new.txt")).count());
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"stance_complete\":true"));
        assertEquals(1, run("score", "--resume", articles.toString()));

        assertEquals(0, run("models"));
        assertTrue(stdout().contains("* tiny-v1"), stdout());
    }

    @Test
    void usageErrorsExitWithOne() {
        assertEquals(1, run("score"));
        assertEquals(1, run("score", "--model", "no-such-model", "x.txt"));
        assertEquals(1, run("train", "--family", "nope", "--data", SMALL.toString(), "--out", home.resolve("m/x").toString()));
        assertEquals(1, run("evaluate", "--model", "none", "--data", home.resolve("missing.jsonl").toString()));
    }

    @Test
    void dataValidateFailsOnAnInvalidCorpus() throws Exception {
        assertEquals(0, run("data", "validate", "--no-lang-check", SMALL.toString()));
        Path bad = home.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\":\"a\",\"text\":\"t\",\"stance\":\"angry\"}\n");
        assertEquals(2, run("data", "validate", "--no-lang-check", bad.toString()));
        assertTrue(stdout().contains("bad.jsonl:1: error"), stdout());
    }
}

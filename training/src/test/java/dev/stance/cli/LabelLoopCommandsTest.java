package dev.stance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** suggest, data export-labelstudio and data merge through the CLI, on a tiny trained model. */
class LabelLoopCommandsTest {
    private static final Path SMALL = Path.of("src/test/resources/small.jsonl").toAbsolutePath();
    private static final Path SAMPLES = Path.of("../datasets/samples").toAbsolutePath();

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void redirect() {
        System.setProperty("stance.home", home.toString());
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.clearProperty("stance.home");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return StanceCli.commandLine().execute(args);
    }

    @Test
    void suggestWritesAQueueThatExportsAndMerges() throws Exception {
        assertEquals(0, run("train", "--family", "ngram-tribuo", "--data", SMALL.toString(), "--folds", "2",
                "--out", home.resolve("models/tiny").toString()));
        Path queue = home.resolve("queue.jsonl");
        assertEquals(0, run("suggest", "--model", "tiny-v1", "--n", "12", "--out", queue.toString(),
                SMALL.toString(), SAMPLES.toString()), err.toString());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> items = new ArrayList<>();
        for (String line : Files.readAllLines(queue)) {
            items.add(json.readTree(line));
        }
        assertEquals(12, items.size(), out.toString());
        assertEquals(12, new HashSet<>(items.stream().map(n -> n.get("id").asText()).toList()).size());
        boolean fromArticles = false;
        for (JsonNode n : items) {
            assertFalse(n.has("stance") || n.has("openness"), "a queue must not carry gold labels: " + n);
            assertTrue(n.at("/suggestion/stance/label").isTextual() && n.get("reason").asText().contains("entropy"), n.toString());
            assertEquals("tiny-v1", n.get("model").asText());
            fromArticles |= n.get("id").asText().contains("#");
        }
        assertTrue(fromArticles, "no statement from the sample articles was picked");

        assertEquals(0, run("data", "export-labelstudio", queue.toString(), "--out", home.resolve("tasks.json").toString()));
        assertEquals(12, json.readTree(home.resolve("tasks.json").toFile()).size());
        assertTrue(Files.readString(home.resolve("tasks.json.xml")).contains("<Choices name=\"openness\""));

        // answer two items by hand, as the label app would, and merge them into a new corpus
        JsonNode a = items.get(0);
        JsonNode b = items.get(1);
        Path answers = Files.writeString(home.resolve("answers.jsonl"),
                answer(json, a, "hostile", "none") + "\n" + answer(json, b, null, null) + "\n");
        Path corpus = home.resolve("mine.jsonl");
        assertEquals(0, run("data", "merge", answers.toString(), "--into", corpus.toString()), err.toString());
        assertTrue(out.toString().contains("merged 1"), out.toString());
        assertEquals(1, Files.readAllLines(corpus).size());

        Files.writeString(answers, "{\"id\":\"x\"}\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, run("data", "merge", answers.toString(), "--into", corpus.toString()));
        assertTrue(err.toString().contains(answers + ":3"), err.toString());
        assertEquals(1, Files.readAllLines(corpus).size(), "a failed merge must not touch the corpus");
    }

    private static String answer(ObjectMapper json, JsonNode item, String stance, String openness) {
        var o = item.deepCopy();
        var obj = (com.fasterxml.jackson.databind.node.ObjectNode) o;
        if (stance == null) {
            obj.put("status", "skipped");
        } else {
            obj.put("stance", stance).put("openness", openness).put("status", "labelled");
        }
        return obj.toString();
    }
}

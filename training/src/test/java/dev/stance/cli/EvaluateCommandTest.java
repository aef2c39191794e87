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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} on data that lacks labels: an undefined metric is null, no label at all is a usage error. */
class EvaluateCommandTest {
    private static final Path SMALL = Path.of("src/test/resources/small.jsonl").toAbsolutePath();

    @TempDir
    static Path home;

    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();
    private static PrintStream savedOut;
    private static PrintStream savedErr;

    @BeforeAll
    static void trainModel() {
        System.setProperty("stance.home", home.toString());
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(OUT, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(ERR, true, StandardCharsets.UTF_8));
        assertEquals(0, run("train", "--family", "ngram-tribuo", "--folds", "0", "--data", SMALL.toString(),
                "--out", home.resolve("models/tiny").toString()));
    }

    @AfterAll
    static void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.clearProperty("stance.home");
    }

    private static int run(String... args) {
        OUT.reset();
        ERR.reset();
        return StanceCli.commandLine().execute(args);
    }

    @Test
    void aTaskWithoutLabelsIsNullWithNZero() throws Exception {
        Path data = LabelRemoval.heldoutWithout(home, "stance-only.jsonl", "openness");
        assertEquals(0, run("evaluate", "--model", "tiny-v1", "--data", data.toString(), "--json"));
        JsonNode r = new ObjectMapper().readTree(OUT.toString(StandardCharsets.UTF_8));
        JsonNode openness = r.get("tasks").get("openness");
        assertEquals(0, openness.get("n").asInt());
        assertTrue(openness.get("macro_f1").isNull() && openness.get("accuracy").isNull(), openness.toString());
        JsonNode stance = r.get("tasks").get("stance");
        assertTrue(stance.get("n").asInt() > 0 && stance.get("macro_f1").isNumber(), stance.toString());
        r.get("by_lang").forEach(l -> assertTrue(!l.has("openness"), l.toString()));

        assertEquals(0, run("evaluate", "--model", "tiny-v1", "--data", data.toString()));
        assertTrue(OUT.toString(StandardCharsets.UTF_8).contains("openness: undefined, no record is labelled for it (n=0)"));
    }

    @Test
    void noLabelledRecordAtAllIsAUsageError() throws Exception {
        Path data = LabelRemoval.heldoutWithout(home, "unlabelled.jsonl", "stance", "openness");
        assertEquals(1, run("evaluate", "--model", "tiny-v1", "--data", data.toString(), "--json"));
        assertEquals("", OUT.toString(StandardCharsets.UTF_8));
        String err = ERR.toString(StandardCharsets.UTF_8).strip();
        assertTrue(err.startsWith("error: none of the ") && err.contains("has a stance or openness label"), err);
        assertEquals(1, err.lines().count(), err);
    }
}

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Benchmark end to end with two small n-gram models: a sensible one and one trained on constant labels. */
class BenchmarkCommandTest {
    private static final Path SMALL = Path.of("src/test/resources/small.jsonl").toAbsolutePath();
    private static final Path HELDOUT = Path.of("src/test/resources/heldout.jsonl").toAbsolutePath();

    @TempDir
    static Path home;

    private static PrintStream savedOut;
    private static PrintStream savedErr;

    @BeforeAll
    static void trainModels() throws Exception {
        System.setProperty("stance.home", home.toString());
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Path constant = home.resolve("constant.jsonl");
        List<String> lines = Files.readAllLines(SMALL).stream()
                .map(l -> l.replaceAll("\"stance\": \"[a-z]+\"", "\"stance\": \"neutral\"")
                        .replaceAll("\"openness\": \"[a-z]+\"", "\"openness\": \"none\"")).toList();
        Files.write(constant, lines);
        Path models = home.resolve("models");
        assertEquals(0, run("train", "--family", "ngram-tribuo", "--folds", "0", "--data", SMALL.toString(),
                "--out", models.resolve("good").toString()));
        assertEquals(0, run("train", "--family", "ngram-tribuo", "--folds", "0", "--data", constant.toString(),
                "--out", models.resolve("constant").toString()));
    }

    @AfterAll
    static void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.clearProperty("stance.home");
    }

    private static int run(String... args) {
        return StanceCli.commandLine().execute(args);
    }

    @Test
    void writesReportsAndPassesTheGateWithinTheAllowedDrop() throws Exception {
        Path out = home.resolve("bench-ok");
        assertEquals(0, run("benchmark", "--models", "good-v1,constant-v1", "--baseline", "good-v1", "--data",
                HELDOUT.toString(), "--out", out.toString(), "--no-speed", "--bootstrap", "200", "--max-drop", "1.0"));
        for (String f : List.of("report.md", "report.json", "macro-f1-stance.png", "reliability-openness.png",
                "confusion-good-v1-stance.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("good-v1", r.get("baseline").asText());
        JsonNode constant = r.get("models").get(1);
        assertEquals("constant-v1", constant.get("id").asText());
        // Always "neutral": recall 1 on the 3 neutral of 12, precision 3/12 -> F1 0.4; macro over the 4 labels 0.1.
        assertEquals(0.1, constant.get("quality").get("stance").get("macro_f1").get("estimate").asDouble(), 1e-9);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| `constant-v1` | ngram-tribuo | 0.100 ["), md);
        assertTrue(md.contains("## Release gate") && md.contains("Passed."), md);
    }

    @Test
    void gateFailsWithExitTwoWhenAModelDropsTooFar() {
        assertEquals(2, run("benchmark", "--models", "good-v1,constant-v1", "--baseline", "good-v1", "--data",
                HELDOUT.toString(), "--out", home.resolve("bench-gate").toString(), "--no-speed", "--bootstrap", "100",
                "--max-drop", "0.02"));
    }

    @Test
    void aTaskWithoutLabelsIsReportedAsUndefinedNotZero() throws Exception {
        Path data = LabelRemoval.heldoutWithout(home, "stance-only.jsonl", "openness");
        Path out = home.resolve("bench-stance-only");
        assertEquals(0, run("benchmark", "--models", "good-v1,constant-v1", "--baseline", "good-v1", "--data",
                data.toString(), "--out", out.toString(), "--no-speed", "--bootstrap", "100", "--max-drop", "1.0"));
        // before: macro_f1 0.0 and an ece of "NaN" (Jackson writes NaN as a string) for the unlabelled task
        JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (JsonNode m : r.get("models")) {
            JsonNode openness = m.get("quality").get("openness");
            assertEquals(0, openness.get("n").asInt());
            assertTrue(openness.get("macro_f1").isNull() && openness.get("accuracy").isNull(), openness.toString());
            assertTrue(m.get("calibration").get("openness").get("ece").isNull());
            assertTrue(m.get("quality").get("stance").get("macro_f1").get("estimate").isNumber());
        }
        assertTrue(r.get("models").get(1).get("vs_baseline").get("openness").get("macro_f1_diff").isNull());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| `constant-v1` | ngram-tribuo | 0.100 [") && md.contains("| n/a |"), md);
        assertTrue(Files.exists(out.resolve("macro-f1-stance.png")) && !Files.exists(out.resolve("macro-f1-openness.png")));
    }

    @Test
    void refusesDataWithoutAnyLabel() throws Exception {
        Path data = LabelRemoval.heldoutWithout(home, "unlabelled.jsonl", "stance", "openness");
        assertEquals(1, run("benchmark", "--models", "good-v1", "--data", data.toString(),
                "--out", home.resolve("bench-unlabelled").toString(), "--no-speed"));
    }

    @Test
    void refusesDataTheModelWasTrainedOn() {
        assertEquals(1, run("benchmark", "--models", "good-v1", "--data", SMALL.toString(),
                "--out", home.resolve("bench-overlap").toString(), "--no-speed"));
    }
}

package dev.stance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} refuses a bad config or fold count with exit 1 and one line, before reading any data. */
class TrainCommandTest {
    private static final Path SMALL = Path.of("src/test/resources/small.jsonl").toAbsolutePath();

    @TempDir
    Path home;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void redirect() {
        System.setProperty("stance.home", home.toString());
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.clearProperty("stance.home");
    }

    /** Trains with {@code args} after the family, data and output; asserts exit 1 and returns the one error line. */
    private String refused(String family, String... args) {
        java.util.List<String> full = new java.util.ArrayList<>(java.util.List.of("train", "--family", family,
                "--data", SMALL.toString(), "--out", home.resolve("models/m").toString()));
        full.addAll(java.util.List.of(args));
        err.reset();
        assertEquals(1, StanceCli.commandLine().execute(full.toArray(String[]::new)), err.toString(StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, text.lines().count(), "one line, no stack trace: " + text);
        assertTrue(text.startsWith("error: "), text);
        assertTrue(!Files.exists(home.resolve("models/m-v1")));
        return text;
    }

    private Path config(String json) throws Exception {
        return Files.writeString(home.resolve("c.json"), json);
    }

    @Test
    void everyKindOfBadConfigIsAUsageErrorNamingFileAndKey() throws Exception {
        String[][] cases = {
                {"{\"epochz\": 3}", "unknown key 'epochz'"},
                {"{\"epochs\": \"ten\"}", "'epochs' is \"ten\"; allowed: an integer from 1"},
                {"{\"epochs\": -1}", "'epochs' is -1; allowed: an integer from 1"},
                {"{\"features\": {\"char_ngram_min\": 5, \"char_ngram_max\": 2}}", "'features.char_ngram_min' is 5"},
                {"{\"features\": {\"normalizer\": null}}", "'features.normalizer' is null"},
                {"{\"epochs\": ", "not valid JSON"},
                {"{\"folds\": 1}", "'folds' is 1; allowed: 0 (no cross-validation) or an integer from 2"},
        };
        for (String[] c : cases) {
            Path f = config(c[0]);
            String line = refused("ngram-tribuo", "--config", f.toString());
            assertTrue(line.startsWith("error: " + f + ": ") && line.contains(c[1]), c[0] + " -> " + line);
        }
        Path f = config("{\"dropout\": 1}");
        assertTrue(refused("mbert-dl4j", "--config", f.toString()).endsWith("'dropout' is 1; allowed: a number from 0 to 1 (1 excluded)"));
        assertTrue(refused("ngram-tribuo", "--config", home.resolve("none.json").toString()).endsWith("none.json: no such file"));
    }

    @Test
    void foldsBeyondTheRarestLabelOrBelowTwoAreRefused() throws Exception {
        assertTrue(refused("ngram-tribuo", "--folds", "1").contains("--folds: 'folds' is 1"));
        assertTrue(refused("ngram-tribuo", "--folds", "-2").contains("--folds: 'folds' is -2"));
        String line = refused("ngram-tribuo", "--folds", "50");
        assertTrue(line.matches("error: --folds is 50, but the training records have only \\d+ statement families labelled"
                + " .*; allowed: 0 \\(no cross-validation\\) or 2 to \\d+"), line);
        Path f = config("{\"folds\": 50}");
        assertTrue(refused("ngram-tribuo", "--config", f.toString()).startsWith("error: " + f + ": 'folds' is 50, but"));
    }
}

package dev.stance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stance.model.Checksums;
import dev.stance.score.AtomicOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stance score} through the CLI: where output may go, what counts as input, what every line names. */
class ScoreCommandTest {
    private static final Path SMALL = Path.of("src/test/resources/small.jsonl").toAbsolutePath();

    @TempDir
    static Path home;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeAll
    static void trainTinyModel() {
        System.setProperty("stance.home", home.toString());
        assertEquals(0, StanceCli.commandLine().execute("train", "--family", "ngram-tribuo", "--data",
                SMALL.toString(), "--folds", "2", "--out", home.resolve("models/tiny").toString(), "--set-default"));
    }

    @AfterAll
    static void forgetHome() {
        System.clearProperty("stance.home");
    }

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
    }

    private int run(String... args) {
        err.reset();
        return StanceCli.commandLine().execute(args);
    }

    private Path article() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "«Vi er klare for samtaler», sa ministeren. Møtet er mandag.");
        return in;
    }

    private void assertOneLineError(String expected) {
        String e = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: ") && e.contains(expected), e);
    }

    @Test
    void anUnwritableOutputIsAUsageErrorOfOneLineBeforeScoring() throws Exception {
        Path in = article();
        Path folder = Files.createDirectories(dir.resolve("out.jsonl"));
        assertEquals(1, run("score", "--out", folder.toString(), in.toString()));
        assertOneLineError("is a folder");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertEquals(1, run("score", "--summary", file.resolve("s.jsonl").toString(), in.toString()));
        assertOneLineError("is not a folder");
    }

    @Test
    void anOutputThatIsAlsoAnInputIsRefusedAndLeftIntact() throws Exception {
        Path in = dir.resolve("in.jsonl");
        String text = "{\"id\":\"a\",\"text\":\"Talks resumed on Monday.\"}\n";
        Files.writeString(in, text);
        assertEquals(1, run("score", "--out", in.toString(), in.toString()));
        assertOneLineError("is also an input");
        assertEquals(text, Files.readString(in));
    }

    @Test
    void aSecondWriterOfTheSameOutputIsRefused() throws Exception {
        Path in = article();
        Path out = dir.resolve("out.jsonl");
        try (AtomicOutput first = AtomicOutput.toFile(out)) { // another run, holding the output
            assertEquals(1, run("score", "--out", out.toString(), in.toString()));
            assertOneLineError("another run is writing");
            first.commit();
        }
        assertEquals(0, run("score", "--out", out.toString(), in.toString()));
    }

    @Test
    void aLinkedFolderIsScoredAndAFolderWithNothingToScoreFails() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), article());
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, run("score", "--out", out.toString(), link.toString()));
        assertEquals(3, Files.readAllLines(out).size(), "two sentences and the marker");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(2, run("score", "--out", out.toString(), empty.toString()));
        assertTrue(Files.readString(out).contains("no articles found"));
    }

    @Test
    void everyLineAndSummaryNamesTheModelManifestHash() throws Exception {
        Path in = article();
        String sha = Checksums.sha256(home.resolve("models/tiny-v1/manifest.json")).substring(0, 12);
        Path out = dir.resolve("out.jsonl");
        Path summary = dir.resolve("summary.jsonl");
        assertEquals(0, run("score", "--out", out.toString(), "--summary", summary.toString(), in.toString()));
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(out);
        for (String l : lines.subList(0, lines.size() - 1)) {
            assertEquals(sha, json.readTree(l).get("model_sha256").asText(), l);
        }
        assertEquals(sha, json.readTree(Files.readAllLines(summary).get(0)).get("model_sha256").asText());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(sha));
        Path csv = dir.resolve("out.csv");
        assertEquals(0, run("score", "--format", "csv", "--out", csv.toString(), in.toString()));
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(0).contains(",model,model_sha256,error"), rows.get(0));
        assertTrue(rows.get(1).contains(",tiny-v1," + sha + ","), rows.get(1));
        assertFalse(rows.get(1).isEmpty());
    }

    @Test
    void aSavedPageIsScoredWithoutItsFurnitureUnlessTheBoilerplateIsKept() throws Exception {
        String para = "<p>The envoy said the talks in Vienna would resume on Monday after a pause of three weeks.</p>";
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<html><head><title>Talks resume in Vienna</title>"
                + "<link rel=\"canonical\" href=\"https://news.example/talks\"></head><body>"
                + "<nav><ul><li><a>World</a></li><li><a>Sport</a></li></ul></nav><article><h1>Talks resume in Vienna</h1>"
                + para.repeat(6) + "<p>Advertisement</p>" + para.replace("Monday", "Tuesday").repeat(3)
                + "</article><section class=\"comments\"><p>Nobody believes them, a reader wrote.</p></section>"
                + "</body></html>");
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, run("score", "--out", out.toString(), page.toString()));
        String scored = Files.readString(out);
        assertTrue(scored.contains("\"url\":\"https://news.example/talks\""), scored);
        assertFalse(scored.contains("Advertisement") || scored.contains("Nobody believes") || scored.contains("Sport"),
                scored);
        assertEquals(0, run("score", "--keep-boilerplate", "--out", out.toString(), page.toString()));
        ObjectMapper json = new ObjectMapper();
        boolean ad = false;
        for (String l : Files.readAllLines(out)) {
            var n = json.readTree(l);
            if (n.has("text") && n.get("text").asText().equals("Advertisement")) {
                ad = true;
                assertEquals("narration", n.get("kind").asText());
            }
        }
        assertTrue(ad);
        assertTrue(Files.readString(out).contains("Nobody believes them"));
    }
}

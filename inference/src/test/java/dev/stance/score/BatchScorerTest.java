package dev.stance.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stance.model.FixedModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScorerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<JsonNode> score(List<String> inputs, byte[] stdin, BatchScorer.Summary[] summary) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var w = new JsonlResultWriter(AtomicOutput.toStream(out))) {
            summary[0] = new BatchScorer(new FixedModel()).run(new ArticleSource(inputs, new ByteArrayInputStream(stdin)), w);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!l.isEmpty()) {
                lines.add(JSON.readTree(l));
            }
        }
        return lines;
    }

    @Test
    void aChunkEndsAtTheCharacterBudgetAsWellAsTheArticleCount() throws Exception {
        // Five articles of ~0.6 Mi characters: the budget cuts chunks after four, so two model calls, not one.
        String sentence = "The envoy said the talks would resume next week in Vienna. ";
        String big = sentence.repeat((BatchScorer.CHUNK_CHARS / 4 + 1) / sentence.length() + 1);
        for (int i = 0; i < 5; i++) {
            Files.writeString(dir.resolve("big" + i + ".txt"), big);
        }
        List<Integer> calls = new ArrayList<>();
        FixedModel fixed = new FixedModel();
        dev.stance.model.StanceModel counting = new dev.stance.model.StanceModel() {
            @Override
            public dev.stance.model.Manifest manifest() {
                return fixed.manifest();
            }

            @Override
            public List<dev.stance.model.StatementPrediction> predict(List<dev.stance.model.StatementInput> inputs) {
                calls.add(inputs.size());
                return fixed.predict(inputs);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchScorer.Summary s;
        try (var w = new JsonlResultWriter(AtomicOutput.toStream(out))) {
            s = new BatchScorer(counting).run(new ArticleSource(List.of(dir.toString()), new ByteArrayInputStream(new byte[0])), w);
        }
        assertEquals(5, s.articles());
        assertEquals(0, s.failed());
        assertEquals(2, calls.size(), "model calls per chunk: " + calls);
    }

    @Test
    void scoresEverySentenceWithOffsetsIntoTheOriginal() throws Exception {
        String text = "Talks resumed. \"This is a threat,\" he said.";
        Files.writeString(dir.resolve("a.txt"), text);
        var s = new BatchScorer.Summary[1];
        List<JsonNode> lines = score(List.of(dir.resolve("a.txt").toString()), new byte[0], s);
        assertEquals(2, lines.size());
        JsonNode second = lines.get(1);
        assertEquals(1, second.get("index").asInt());
        assertEquals(text.substring(second.get("start").asInt(), second.get("end").asInt()), second.get("text").asText());
        assertEquals("hostile", second.get("stance").get("label").asText());
        assertEquals(4, second.get("stance").get("p").size());
        assertEquals("none", second.get("openness").get("label").asText());
        assertEquals("fixed-v1", second.get("model").asText());
        assertEquals(0, s[0].failed());
    }

    @Test
    void everyLineCarriesKindSpeakerLanguageAndTheArticleHash() throws Exception {
        String text = "Minister Anna Lund visited the border town on Monday.\n\n"
                + "\"We will not give in to any threat,\" Lund told reporters.";
        Files.writeString(dir.resolve("a.txt"), text);
        List<JsonNode> lines = score(List.of(dir.resolve("a.txt").toString()), new byte[0], new BatchScorer.Summary[1]);
        assertEquals(2, lines.size());
        assertEquals("narration", lines.get(0).get("kind").asText());
        assertTrue(lines.get(0).get("speaker").isNull());
        assertEquals("direct", lines.get(1).get("kind").asText());
        assertEquals("Anna Lund", lines.get(1).get("speaker").asText());
        assertEquals("en", lines.get(1).get("lang").asText());
        assertEquals(ArticleScorer.sha256(text), lines.get(1).get("article_sha256").asText());
        assertEquals(64, lines.get(1).get("article_sha256").asText().length());
    }

    @Test
    void statementsOnlyDropsNarrationButKeepsIndexesOfTheWholeArticle() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Fighting went on all night.\n\n"
                + "The spokesman said the offer still stands.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var w = new JsonlResultWriter(AtomicOutput.toStream(out))) {
            new BatchScorer(new FixedModel(), true)
                    .run(new ArticleSource(List.of(dir.resolve("a.txt").toString()), System.in), w);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length);
        JsonNode only = JSON.readTree(lines[0]);
        assertEquals(1, only.get("index").asInt());
        assertEquals("reported", only.get("kind").asText());
        assertEquals("The spokesman", only.get("speaker").asText());
    }

    @Test
    void everyBadInputGetsAnErrorRecordAndTheRunGoesOn() throws Exception {
        Files.writeString(dir.resolve("empty.txt"), "");
        Files.write(dir.resolve("binary.txt"), new byte[] {1, 2, 0, 3});
        Files.write(dir.resolve("latin1.txt"), "Søknaden ble avslått.".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("good.txt"), "All fine.");
        Files.writeString(dir.resolve("lines.jsonl"), "{\"id\":\"x1\",\"text\":\"One.\"}\n{broken\n"
                + "{\"id\":\"x3\"}\n{\"id\":\"x4\",\"text\":\"EXPLODE now.\"}\n");
        var s = new BatchScorer.Summary[1];
        List<JsonNode> lines = score(List.of(dir.toString(), dir.resolve("missing.txt").toString()), new byte[0], s);
        List<String> errors = lines.stream().filter(l -> l.has("error"))
                .map(l -> l.get("article").asText() + " => " + l.get("error").asText()).toList();
        assertEquals(7, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("binary.txt") && e.contains("binary")));
        assertTrue(errors.stream().anyMatch(e -> e.contains("empty.txt") && e.contains("empty")));
        assertTrue(errors.stream().anyMatch(e -> e.contains("latin1.txt") && e.contains("UTF-8")));
        assertTrue(errors.stream().anyMatch(e -> e.contains("lines.jsonl:2") && e.contains("malformed JSON")));
        assertTrue(errors.stream().anyMatch(e -> e.contains("lines.jsonl:3") && e.contains("'text'")));
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("x4 => scoring failed")));
        assertTrue(errors.stream().anyMatch(e -> e.contains("missing.txt") && e.contains("no such file")));
        assertTrue(lines.stream().anyMatch(l -> "x1".equals(l.path("article").asText()) && l.has("stance")));
        assertTrue(lines.stream().anyMatch(l -> l.path("article").asText().endsWith("good.txt") && l.has("stance")));
        assertEquals(9, s[0].articles());
        assertEquals(7, s[0].failed());
    }

    @Test
    void readsPlainTextAndJsonLinesFromStdin() throws Exception {
        var s = new BatchScorer.Summary[1];
        List<JsonNode> lines = score(List.of("-"), "Ceasefire holds. Both sides agree.".getBytes(StandardCharsets.UTF_8), s);
        assertEquals(2, lines.size());
        assertEquals("stdin", lines.get(0).get("article").asText());
        lines = score(List.of("-"), "{\"id\":\"q\",\"text\":\"Yes.\"}\n".getBytes(StandardCharsets.UTF_8), s);
        assertEquals("q", lines.get(0).get("article").asText());
    }

    @Test
    void fileOutputAppearsOnlyOnCommit() throws Exception {
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "previous\n");
        try (var w = new JsonlResultWriter(AtomicOutput.toFile(target))) {
            w.writeError("a", "e");
            // closed without commit: the run died
        }
        assertEquals("previous\n", Files.readString(target));
        try (var stream = Files.list(dir)) {
            assertFalse(stream.anyMatch(p -> p.toString().endsWith(".partial")));
        }
        try (var w = new JsonlResultWriter(AtomicOutput.toFile(target))) {
            w.writeError("a", "e");
            w.commit();
        }
        assertEquals("{\"article\":\"a\",\"error\":\"e\"}\n" + ResumeState.marker(1) + "\n", Files.readString(target));
    }

    @Test
    void csvQuotesTextAndHasOneColumnPerProbability() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Files.writeString(dir.resolve("a.txt"), "He said \"no, never\" today.");
        try (var w = new CsvResultWriter(AtomicOutput.toStream(out))) {
            new BatchScorer(new FixedModel()).run(new ArticleSource(List.of(dir.resolve("a.txt").toString()), System.in), w);
        }
        String[] rows = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals(String.join(",", CsvResultWriter.header()), rows[0]);
        assertTrue(rows[1].contains("\"He said \"\"no, never\"\" today.\""), rows[1]);
        // lang, kind, speaker: "He" has no earlier speaker to resolve to
        assertTrue(rows[1].contains(",en,reported,,conciliatory,"), rows[1]);
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreShownAsText() throws Exception {
        for (String f : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx"}) {
            assertEquals("'" + f, CsvResultWriter.quote(f).replace("\"", ""));
        }
        assertEquals("\"'=HYPERLINK(\"\"x\"\",1)\"", CsvResultWriter.quote("=HYPERLINK(\"x\",1)"));
        assertEquals("Talks", CsvResultWriter.quote("Talks"));
        assertEquals("0.25", CsvResultWriter.quote("0.25"));
    }
}

package dev.stance.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.data.Task;
import dev.stance.model.Manifest;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateReaderTest {
    @TempDir
    Path dir;

    /** Predicts the same for everything and remembers what it was asked. */
    static final class RecordingModel implements StanceModel {
        final List<StatementInput> seen = new ArrayList<>();

        @Override
        public Manifest manifest() {
            return new Manifest(Manifest.SCHEMA_VERSION, "rec-v1", "rec", "v1", "rec", Map.of(), Map.of(), null, null,
                    null, null, null, null, null, null, Map.of());
        }

        @Override
        public List<StatementPrediction> predict(List<StatementInput> inputs) {
            seen.addAll(inputs);
            List<StatementPrediction> out = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Map<Task, TaskPrediction> m = new EnumMap<>(Task.class);
                for (Task t : Task.values()) {
                    Map<String, Double> p = new LinkedHashMap<>();
                    t.labels().forEach(l -> p.put(l, 1.0 / t.labels().size()));
                    m.put(t, new TaskPrediction(t.labels().get(0), p));
                }
                out.add(new StatementPrediction(m));
            }
            return out;
        }
    }

    @Test
    void scoreOutputGivesStatementsWithTheSentenceBeforeAsContext() throws Exception {
        Path scored = Files.writeString(dir.resolve("scored.jsonl"), """
                {"article":"a.txt","index":0,"text":"Fighting went on all night.","kind":"narration","speaker":null,"lang":"en"}
                {"article":"a.txt","index":1,"text":"\\"We are ready to talk,\\" the envoy said.","kind":"direct","speaker":"the envoy","lang":"en"}
                {"article":"a.txt","index":2,"text":"The ministry said the talks were a trick.","kind":"reported","speaker":"the ministry","lang":"en"}
                {"article":"b.txt","error":"file is not valid UTF-8"}
                {"article":"c.txt","index":0,"text":"Nobody will dictate terms to us, Berg said.","kind":"reported","speaker":"Berg","lang":"en"}
                {"stance_complete":true,"lines":5}
                """);
        Path records = Files.writeString(dir.resolve("records.jsonl"), """
                {"id":"r1","text":"A real statement from a page.","speaker":"X","lang":"en","stance":"hostile","openness":"none","source":"news","url":"https://example.org/1"}
                {"id":"r2","text":"A written one.","lang":"en","source":"written"}
                {"id":"r1","text":"Same id again."}
                """);
        RecordingModel model = new RecordingModel();
        CandidateReader r = CandidateReader.read(List.of(scored.toString(), records.toString()), model);
        List<String> ids = r.candidates().stream().map(c -> c.statement().id()).toList();
        assertEquals(List.of("a.txt#1", "a.txt#2", "c.txt#0", "r1", "r2"), ids);
        Candidate direct = r.candidates().get(0);
        assertEquals("Fighting went on all night.", direct.statement().context());
        assertEquals("a.txt", direct.group());
        assertNull(r.candidates().get(2).statement().context());
        assertEquals("https://example.org/1", r.candidates().get(3).group());
        assertEquals("r2", r.candidates().get(4).group());
        assertNull(r.candidates().get(3).statement().stance(), "gold labels must not reach the queue");
        assertEquals(5, model.seen.size());
        assertEquals(2, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).toString().contains("b.txt"), r.errors().toString());
        assertTrue(r.errors().get(1).toString().contains(records + ":3") && r.errors().get(1).toString().contains("duplicate id"),
                r.errors().toString());
    }
}

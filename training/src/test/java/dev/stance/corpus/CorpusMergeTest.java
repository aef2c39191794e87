package dev.stance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusMergeTest {
    @TempDir
    Path dir;

    private static final String TARGET = """
            {"id":"t1","text":"The envoy will travel to Nairobi on Monday for a new round of talks","stance":"neutral","openness":"real","split":"train","family":"fam-a"}
            {"id":"t2","text":"They have lied to us about every ceasefire so far","stance":"skeptical","openness":"none","split":"dev","family":"fam-b"}
            """;

    @Test
    void invalidLinesAreNamedByFileAndLineAndNothingIsWritten() throws Exception {
        Path target = Files.writeString(dir.resolve("corpus.jsonl"), TARGET);
        Path labelled = Files.writeString(dir.resolve("answers.jsonl"), """
                {"id":"n1","text":"We are ready to sign the accord tomorrow","stance":"conciliatory","openness":"real","status":"labelled"}
                {"id":"n2","text":"broken line
                {"id":"n3","text":"A statement with one label only","stance":"hostile","status":"labelled"}
                {"id":"n4","text":"An answer of an unknown kind","status":"maybe"}
                {"id":"n5","text":"Labelled with a made-up stance","stance":"furious","openness":"none"}
                """);
        byte[] before = Files.readAllBytes(target);
        CorpusMerge.Report r = new CorpusMerge(0.1, 0.1).merge(labelled, target);
        List<String> where = r.errors().stream().map(e -> e.file() + ":" + e.line()).toList();
        assertEquals(List.of(labelled + ":2", labelled + ":3", labelled + ":4", labelled + ":5"), where, r.errors().toString());
        assertTrue(r.errors().get(1).message().contains("lacks openness"), r.errors().get(1).message());
        assertTrue(r.errors().get(3).message().contains("furious"));
        assertEquals(0, r.mergedTotal());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(target)), "target changed despite errors");
    }

    @Test
    void duplicatesAreLeftOutAndNearDuplicatesJoinTheirFamily() throws Exception {
        Path target = Files.writeString(dir.resolve("corpus.jsonl"), TARGET);
        Path labelled = Files.writeString(dir.resolve("answers.jsonl"), """
                {"id":"t1","text":"A different text that reuses an existing id","stance":"neutral","openness":"none"}
                {"id":"n1","text":"they have LIED to us about every ceasefire, so far!","stance":"skeptical","openness":"none"}
                {"id":"n2","text":"The envoy will travel to Nairobi on Monday for a new round of talks, officials said","stance":"neutral","openness":"real","group":"page-9"}
                {"id":"n3","text":"Nobody will dictate our borders to us","stance":"hostile","openness":"none","status":"labelled","group":"page-1"}
                {"id":"n4","text":"Skipped because it was unclear","status":"skipped"}
                {"id":"n5","text":"Page furniture, not a statement","status":"not_statement"}
                """);
        CorpusMerge.Report r = new CorpusMerge(0.1, 0.1).merge(labelled, target);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        assertEquals(6, r.read());
        assertEquals(Map.of("duplicate id", 1, "duplicate text", 1, "skipped", 1, "not_statement", 1), r.left());
        assertEquals(2, r.mergedTotal());
        List<Statement> all = StatementReader.readAll(List.of(target));
        assertEquals(List.of("t1", "t2", "n2", "n3"), all.stream().map(Statement::id).toList());
        Statement n2 = all.get(2);
        assertEquals("fam-a", n2.family(), "a near-duplicate joins the family of what it resembles");
        assertEquals("train", n2.split());
        assertEquals("page-1", all.get(3).family(), "a new record's family is its group");
        // the merged corpus passes validation: no leakage across splits
        assertTrue(new CorpusValidator(false).validate(List.of(target)).stream()
                .noneMatch(f -> f.severity() == Finding.Severity.ERROR));
    }

    @Test
    void splitsFollowFamiliesAndDoNotDependOnOrder() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            in.append(String.format("{\"id\":\"r%d\",\"text\":\"Statement %d about subject %d\",\"stance\":\"neutral\","
                    + "\"openness\":\"none\",\"group\":\"page-%d\"}%n", i, i, i * 7919 % 1000, i / 3));
        }
        Path labelled = Files.writeString(dir.resolve("answers.jsonl"), in);
        Path target = dir.resolve("new-corpus.jsonl");
        CorpusMerge.Report r = new CorpusMerge(0.1, 0.1).merge(labelled, target);
        assertEquals(300, r.mergedTotal());
        Map<String, String> familySplit = new HashMap<>();
        for (Statement s : StatementReader.readAll(List.of(target))) {
            String other = familySplit.putIfAbsent(s.family(), s.split());
            assertTrue(other == null || other.equals(s.split()), "family " + s.family() + " in two splits");
        }
        // 100 families at 10 % / 10 %: dev and test get some, train most
        assertTrue(r.merged().get("train") > 180 && r.merged().getOrDefault("dev", 0) > 0
                && r.merged().getOrDefault("test", 0) > 0, r.merged().toString());
        // the split of a family is a function of its name alone
        CorpusMerge m = new CorpusMerge(0.1, 0.1);
        assertEquals(m.splitOf("page-7"), new CorpusMerge(0.1, 0.1).splitOf("page-7"));
        assertEquals(familySplit.get("page-7"), m.splitOf("page-7"));
    }
}

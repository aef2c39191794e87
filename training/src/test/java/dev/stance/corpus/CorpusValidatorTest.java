package dev.stance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusValidatorTest {
    @TempDir
    Path dir;

    private List<Finding> validate(String... lines) throws Exception {
        Path f = dir.resolve("c.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return new CorpusValidator(false).validate(List.of(f));
    }

    private static String rec(String id, String text, String split, String family) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"lang\":\"en\",\"stance\":\"neutral\","
                + "\"openness\":\"none\",\"split\":\"" + split + "\",\"family\":\"" + family + "\"}";
    }

    private static List<String> errors(List<Finding> f) {
        return f.stream().filter(x -> x.severity() == Finding.Severity.ERROR).map(Finding::toString).toList();
    }

    @Test
    void aCleanFileHasNoErrors() throws Exception {
        assertEquals(List.of(), errors(validate(
                rec("a", "The delegation arrived in Geneva on Monday morning.", "train", "f1"),
                rec("b", "Both sides said the prisoner exchange would go ahead.", "dev", "f2"))));
    }

    @Test
    void findsDuplicateIdsAndTextsWithLineNumbers() throws Exception {
        List<String> e = errors(validate(
                rec("a", "One sentence about talks.", "train", "f1"),
                rec("a", "Another sentence about talks entirely.", "train", "f2"),
                rec("c", "One sentence about talks.", "train", "f3")));
        assertTrue(e.stream().anyMatch(s -> s.contains("c.jsonl:2") && s.contains("duplicate id 'a'")), e.toString());
        assertTrue(e.stream().anyMatch(s -> s.contains("c.jsonl:3") && s.contains("same text as a")), e.toString());
    }

    @Test
    void findsNearDuplicatesAcrossSplitsButAllowsThemWithinOne() throws Exception {
        String t1 = "The foreign minister said on Monday that the government is ready to meet in Vienna next week.";
        String t2 = "The foreign minister said on Monday that the government is ready to meet in Vienna next month.";
        List<String> leak = errors(validate(rec("a", t1, "train", "f1"), rec("b", t2, "test", "f2")));
        assertEquals(1, leak.size(), leak.toString());
        assertTrue(leak.get(0).contains("leakage across splits"));
        assertEquals(List.of(), errors(validate(rec("a", t1, "train", "f1"), rec("b", t2, "train", "f1"))));
    }

    @Test
    void findsAFamilySplitAcrossSplits() throws Exception {
        List<String> e = errors(validate(
                rec("a", "The ceasefire starts at midnight local time.", "train", "f1"),
                rec("b", "Negotiators will meet again in Doha on Thursday.", "dev", "f1")));
        assertTrue(e.stream().anyMatch(s -> s.contains("family 'f1' is in both train and dev")), e.toString());
    }

    @Test
    void reportsSchemaErrorsThroughTheReader() throws Exception {
        List<String> e = errors(validate("{\"id\":\"a\",\"text\":\"x\",\"stance\":\"furious\"}"));
        assertEquals(1, e.size());
        assertTrue(e.get(0).contains("c.jsonl:1") && e.get(0).contains("furious"));
    }

    @Test
    void flagsALanguageFieldThatDoesNotMatchTheText() throws Exception {
        Path f = dir.resolve("l.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"text\":\"Die Bundesregierung hat am Mittwoch neue Gespräche mit"
                + " der Opposition angekündigt, sagte ein Sprecher.\",\"lang\":\"en\",\"stance\":\"neutral\","
                + "\"openness\":\"real\",\"split\":\"train\"}\n");
        List<String> e = errors(new CorpusValidator(true).validate(List.of(f)));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).contains("has lang en but reads as de"));
    }

    @Test
    void acceptsAByteOrderMarkAsScoreDoes() throws Exception {
        Path f = dir.resolve("bom.jsonl");
        Files.write(f, ("\uFEFF" + rec("a", "The delegation arrived in Geneva on Monday morning.", "train", "f1") + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(), errors(new CorpusValidator(false).validate(List.of(f))));
    }

    @Test
    void reportsAnExactDuplicateAcrossFilesAndALeakOnlyOncePerPair() throws Exception {
        String t = "The foreign minister said on Monday that the government is ready to meet in Vienna next week.";
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(a, rec("a", t, "train", "f1") + "\n");
        Files.writeString(b, rec("b", t, "test", "f2") + "\n" + rec("c", t, "test", "f3") + "\n");
        List<String> e = errors(new CorpusValidator(false).validate(List.of(a, b)));
        assertEquals(List.of(
                b + ":1: error: same text as a at " + a + ":1",
                b + ":1: error: 'b' (test) nearly duplicates 'a' (train) at " + a + ":1: shingle Jaccard 1.00 (leakage across splits)",
                b + ":2: error: same text as a at " + a + ":1",
                b + ":2: error: 'c' (test) nearly duplicates 'a' (train) at " + a + ":1: shingle Jaccard 1.00 (leakage across splits)"), e);
    }

    @Test
    void streamsFindingsAndProgressAsRecordsAreRead() throws Exception {
        Path f = dir.resolve("s.jsonl");
        Files.writeString(f, rec("a", "One sentence about talks.", "train", "f1") + "\n"
                + rec("a", "Another sentence about talks entirely.", "train", "f2") + "\n");
        List<String> events = new java.util.ArrayList<>();
        long size = Files.size(f);
        new CorpusValidator(false).validate(List.of(f), x -> events.add("finding line " + x.line()),
                (records, bytes) -> events.add("progress " + records + " " + (bytes == size)));
        assertEquals(List.of("progress 1 true", "finding line 2", "progress 2 true"), events);
    }
}

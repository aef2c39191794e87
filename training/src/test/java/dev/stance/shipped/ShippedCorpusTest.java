package dev.stance.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.corpus.CorpusValidator;
import dev.stance.corpus.Finding;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.data.Task;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The corpus in datasets/statements validates and meets the size and balance the product relies on. */
class ShippedCorpusTest {
    @Test
    void corpusHasNoValidationErrors() throws Exception {
        List<Finding> errors = new CorpusValidator(true).validate(RepoPaths.corpusFiles()).stream()
                .filter(f -> f.severity() == Finding.Severity.ERROR).toList();
        assertEquals(List.of(), errors);
    }

    @Test
    void corpusMeetsTheMinimumCounts() throws Exception {
        List<Statement> all = StatementReader.readAll(RepoPaths.corpusFiles());
        assertTrue(all.size() >= 2400, "statements: " + all.size());
        Map<String, Long> byLang = all.stream().collect(Collectors.groupingBy(Statement::lang, Collectors.counting()));
        assertTrue(byLang.getOrDefault("nb", 0L) >= 900, byLang.toString());
        assertTrue(byLang.getOrDefault("nn", 0L) >= 100, byLang.toString());
        assertTrue(byLang.getOrDefault("en", 0L) >= 800, byLang.toString());
        assertTrue(byLang.getOrDefault("de", 0L) >= 600, byLang.toString());
        for (Task t : Task.values()) {
            Map<String, Long> byLabel = all.stream().filter(s -> s.label(t) != null)
                    .collect(Collectors.groupingBy(s -> s.label(t), Collectors.counting()));
            for (String label : t.labels()) {
                long min = label.equals("real") || label.equals("rhetorical") ? 250 : 150;
                assertTrue(byLabel.getOrDefault(label, 0L) >= min, t.key() + " " + byLabel);
            }
        }
        assertTrue(all.stream().allMatch(s -> s.split() != null && s.source() != null && s.family() != null));
        Map<String, Long> splits = all.stream().collect(Collectors.groupingBy(Statement::split, Collectors.counting()));
        assertTrue(splits.keySet().containsAll(List.of("train", "dev", "test")), splits.toString());
        assertEquals(all.size(), all.stream().map(Statement::id).collect(Collectors.toMap(Function.identity(), x -> 1)).size());
    }
}

package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.data.Statement;
import dev.stance.data.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    @Test
    void foldsAreStratifiedAndKeepFamiliesTogether() {
        List<Statement> data = Fixtures.small();
        int k = 3;
        int[] fold = CrossValidation.folds(data, Task.STANCE, k, 42);
        Map<String, Integer> familyFold = new HashMap<>();
        Map<String, int[]> perLabel = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            Statement s = data.get(i);
            if (s.family() != null) {
                Integer prev = familyFold.putIfAbsent(s.family(), fold[i]);
                assertTrue(prev == null || prev == fold[i], "family " + s.family() + " split across folds");
            }
            perLabel.computeIfAbsent(s.stance(), l -> new int[k])[fold[i]]++;
        }
        for (var e : perLabel.entrySet()) {
            int[] c = e.getValue();
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int v : c) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertTrue(max - min <= 2, "label " + e.getKey() + " unevenly spread: " + java.util.Arrays.toString(c));
        }
    }

    @Test
    void reportsPooledMetricsOverEveryRecord() {
        List<Statement> data = Fixtures.small();
        var r = CrossValidation.run(new NgramTrainer(Fixtures.quickConfig()), data, 3);
        assertEquals(data.size(), r.pooled().get(Task.STANCE).n());
        assertEquals(3, r.foldMacroF1().get(Task.OPENNESS).length);
    }

    private static Statement rec(String id, String stance, String openness, String family) {
        return new Statement(id, "text " + id, null, null, "en", stance, openness, null, "train", family);
    }

    @Test
    void maxFoldsIsTheNumberOfFamiliesOfTheRarestLabel() {
        List<Statement> data = List.of(
                rec("a", "hostile", "none", "f1"), rec("b", "hostile", "none", "f1"), rec("c", "hostile", "none", "f2"),
                rec("d", "neutral", "none", null), rec("e", "neutral", "none", null), rec("f", "neutral", "real", null),
                rec("g", "neutral", "real", null), rec("h", "neutral", "real", null));
        CrossValidation.Limit limit = CrossValidation.maxFolds(data);
        assertEquals(new CrossValidation.Limit(2, Task.STANCE, "hostile"), limit);
        limit.check("--folds", 2);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> limit.check("--folds", 3));
        assertEquals("--folds is 3, but the training records have only 2 statement families labelled stance 'hostile'"
                + " (one per fold needed); allowed: 0 (no cross-validation) or 2 to 2", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.run(new NgramTrainer(Fixtures.quickConfig()), data, 3));
    }
}

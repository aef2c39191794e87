package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.model.Probabilities;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupedCrossValidationTest {
    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    /** Twelve pages of three statements each, in two languages, every stance label present. */
    private static List<Statement> pages() {
        List<Statement> out = new ArrayList<>();
        List<String> stances = Task.STANCE.labels();
        for (int page = 0; page < 12; page++) {
            for (int j = 0; j < 3; j++) {
                String lang = page % 2 == 0 ? "en" : "de";
                out.add(new Statement("p" + page + "-" + j, "statement " + page + " " + j, null, null, lang,
                        stances.get((page + j) % 4), Task.OPENNESS.labels().get(j), "news", null, "url:page" + page));
            }
        }
        return out;
    }

    /** Predicts a fixed, confident label and records what every fit was trained on. */
    private static final class Recording implements FoldRecipe {
        final List<List<Statement>> fits = new ArrayList<>();

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public String family() {
            return "test";
        }

        @Override
        public Fitted fit(List<Statement> train, PrintStream log) {
            fits.add(List.copyOf(train));
            return new Fitted() {
                @Override
                public List<StatementPrediction> predict(List<Statement> data) {
                    List<StatementPrediction> out = new ArrayList<>();
                    for (Statement s : data) {
                        Map<Task, TaskPrediction> m = new EnumMap<>(Task.class);
                        for (Task t : Task.values()) {
                            double[] logits = new double[t.labels().size()];
                            logits[0] = 3;
                            Map<String, Double> p = Probabilities.softmax(t.labels(), logits, 1.0);
                            m.put(t, new TaskPrediction(t.labels().get(0), p));
                        }
                        out.add(new StatementPrediction(m));
                    }
                    return out;
                }

                @Override
                public Path export(List<Path> files, ObjectNode metrics, Map<String, Double> t, Path root, String name) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    @Test
    void aPageNeverSpansTwoFoldsAndNoFoldTrainsOnItsOwnRecords() throws Exception {
        List<Statement> target = pages();
        Recording recipe = new Recording();
        var r = GroupedCrossValidation.run(recipe, target, List.of(), new GroupedCrossValidation.Options(3, 1, 7), QUIET);
        Map<String, Integer> pageFold = new HashMap<>();
        for (int i = 0; i < target.size(); i++) {
            Integer prev = pageFold.putIfAbsent(target.get(i).family(), r.fold()[i]);
            assertTrue(prev == null || prev == r.fold()[i], "page split across folds: " + target.get(i).family());
        }
        assertEquals(3, recipe.fits.size());
        for (int f = 0; f < 3; f++) {
            Set<Statement> trained = Collections.newSetFromMap(new IdentityHashMap<>());
            trained.addAll(recipe.fits.get(f));
            for (int i = 0; i < target.size(); i++) {
                assertEquals(r.fold()[i] != f, trained.contains(target.get(i)), "fold " + f + ", record " + i);
            }
        }
    }

    @Test
    void weightRepeatsTargetRecordsAndZeroTrainsOnceOnTheExtraRecordsAlone() throws Exception {
        List<Statement> target = pages();
        List<Statement> extra = List.of(new Statement("w1", "written", null, null, "en", "hostile", "none",
                "written", "train", null));
        Recording weighted = new Recording();
        GroupedCrossValidation.run(weighted, target, extra, new GroupedCrossValidation.Options(3, 3, 7), QUIET);
        for (List<Statement> fit : weighted.fits) {
            int targetCopies = fit.size() - 1;
            assertEquals(0, targetCopies % 3, "each target record three times");
            assertTrue(fit.contains(extra.get(0)));
        }
        Recording none = new Recording();
        var r = GroupedCrossValidation.run(none, target, extra, new GroupedCrossValidation.Options(3, 0, 7), QUIET);
        assertEquals(List.of(extra), none.fits);
        assertEquals(target.size(), r.oof().size());
    }

    @Test
    void reportsMeanAndSpreadPerTaskAndLanguageAndCalibratesOutOfFold() throws Exception {
        var r = GroupedCrossValidation.run(new Recording(), pages(), List.of(),
                new GroupedCrossValidation.Options(3, 1, 7), QUIET);
        assertEquals(List.of("stance", "stance/de", "stance/en", "openness", "openness/de", "openness/en"), r.keys());
        for (String k : r.keys()) {
            assertEquals(3, r.perFold().get(k).length);
            assertFalse(Double.isNaN(r.mean(k)), k);
        }
        // Always-first-label predictions at p≈0.87 on data where that label is right a quarter (stance) or a
        // third (openness) of the time: confidently wrong, and the fitted temperature must soften them.
        for (Task t : Task.values()) {
            assertTrue(r.temperature().get(t.key()) > 1.5, t + " temperature " + r.temperature());
            assertTrue(r.ece(t, true) < r.ece(t, false), t + " calibration did not improve");
        }
    }

    @Test
    void combiningReportsAveragesTheirOutOfFoldPredictionsAndRefusesOtherRecords() throws Exception {
        List<Statement> target = pages();
        var options = new GroupedCrossValidation.Options(3, 1, 7);
        var a = GroupedCrossValidation.run(new Recording(), target, List.of(), options, QUIET);
        var json = dev.stance.model.Json.MAPPER.readTree(a.toJson().toString());
        var both = GroupedCrossValidation.combine(List.of(json, json), target, QUIET);
        for (String k : a.keys()) {
            assertEquals(a.mean(k), both.mean(k), 1e-12, k);
        }
        for (int i = 0; i < target.size(); i++) {
            for (Task t : Task.values()) {
                // Each copy is scaled by the report's temperature before averaging, as the exported member is.
                assertEquals(a.calibratedWith(a.temperature()).get(i).get(t).p().get(t.labels().get(0)),
                        both.oof().get(i).get(t).p().get(t.labels().get(0)), 1e-9);
            }
        }
        List<Statement> other = new ArrayList<>(target);
        Collections.reverse(other);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GroupedCrossValidation.combine(List.of(json), other, QUIET));
    }
}

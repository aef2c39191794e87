package dev.stance.train;

import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.evaluate.ClassMetrics;
import dev.stance.features.NgramFeaturizer;
import dev.stance.model.StatementInput;
import dev.stance.model.ngram.NgramTribuoModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tribuo.classification.LabelFactory;

/**
 * Stratified k-fold cross-validation per task. Folds are assigned by paraphrase family when records have one,
 * so variants of one statement never sit on both sides of a fold.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** Pooled out-of-fold metrics per task, and the mean and spread of per-fold macro-F1. */
    public record Result(Map<Task, ClassMetrics> pooled, Map<Task, double[]> foldMacroF1) {
    }

    /**
     * The most folds {@code data} supports, and the label that limits it: each fold must hold every label of every
     * task, and a group (a paraphrase family, or a record without one) goes whole into one fold, so the limit is
     * the number of groups of the rarest label.
     *
     * @param folds the number of groups of {@code label}; 0 when a task has no labelled record
     * @param task the task of the rarest label
     * @param label the rarest label
     */
    public record Limit(int folds, Task task, String label) {
        /** Throws {@link IllegalArgumentException} naming {@code source} unless {@code k} folds fit. */
        public void check(String source, int k) {
            if (k > folds) {
                throw new IllegalArgumentException(source + " is " + k + ", but the training records have only "
                        + folds + " statement famil" + (folds == 1 ? "y" : "ies") + " labelled " + task.key()
                        + " '" + label + "' (one per fold needed); allowed: 0 (no cross-validation)"
                        + (folds >= 2 ? " or 2 to " + folds : ""));
            }
        }
    }

    /** The fold limit of {@code data}; see {@link Limit}. */
    public static Limit maxFolds(List<Statement> data) {
        Limit min = null;
        for (Task task : Task.values()) {
            Map<String, Set<String>> groups = new LinkedHashMap<>();
            for (int i = 0; i < data.size(); i++) {
                Statement s = data.get(i);
                if (s.label(task) != null) {
                    groups.computeIfAbsent(s.label(task), l -> new HashSet<>()).add(groupKey(s, i));
                }
            }
            if (groups.isEmpty()) {
                return new Limit(0, task, "(any)");
            }
            for (Map.Entry<String, Set<String>> e : groups.entrySet()) {
                if (min == null || e.getValue().size() < min.folds()) {
                    min = new Limit(e.getValue().size(), task, e.getKey());
                }
            }
        }
        return min;
    }

    private static String groupKey(Statement s, int index) {
        return s.family() != null ? "f:" + s.family() : "r:" + index;
    }

    /**
     * Assigns each record a fold in [0, k): groups (families, or single records) are shuffled with the seed,
     * sorted by language and then by the label of the task, and dealt round-robin, which stratifies by
     * language × label.
     */
    public static int[] folds(List<Statement> data, Task task, int k, long seed) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            Statement s = data.get(i);
            groups.computeIfAbsent(groupKey(s, i), g -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> list = new ArrayList<>(groups.values());
        Collections.shuffle(list, new Random(seed));
        list.sort(Comparator.comparing(g -> data.get(g.get(0)).lang() + "|" + data.get(g.get(0)).label(task)));
        int[] fold = new int[data.size()];
        int next = 0;
        for (List<Integer> g : list) {
            for (int i : g) {
                fold[i] = next;
            }
            next = (next + 1) % k;
        }
        return fold;
    }

    /**
     * Cross-validates {@code trainer} on {@code data}.
     *
     * @param k at least 2, and at most {@link #maxFolds}{@code (data)}
     */
    public static Result run(NgramTrainer trainer, List<Statement> data, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + k);
        }
        maxFolds(data).check("the number of folds", k);
        Map<Task, ClassMetrics> pooled = new EnumMap<>(Task.class);
        Map<Task, double[]> perFold = new EnumMap<>(Task.class);
        NgramFeaturizer featurizer = new NgramFeaturizer(trainer.config().features());
        for (Task task : Task.values()) {
            List<Statement> labelled = data.stream().filter(s -> s.label(task) != null).toList();
            int[] fold = folds(labelled, task, k, trainer.config().seed());
            String[] predicted = new String[labelled.size()];
            double[] f1 = new double[k];
            for (int f = 0; f < k; f++) {
                List<Statement> train = new ArrayList<>();
                List<Integer> testIdx = new ArrayList<>();
                for (int i = 0; i < labelled.size(); i++) {
                    if (fold[i] == f) {
                        testIdx.add(i);
                    } else {
                        train.add(labelled.get(i));
                    }
                }
                var model = trainer.train(task, train);
                List<String> gold = new ArrayList<>();
                List<String> pred = new ArrayList<>();
                for (int i : testIdx) {
                    Statement s = labelled.get(i);
                    var ex = NgramTribuoModel.example(featurizer, new StatementInput(s.text(), s.context()),
                            LabelFactory.UNKNOWN_LABEL);
                    predicted[i] = model.predict(ex).getOutput().getLabel();
                    gold.add(s.label(task));
                    pred.add(predicted[i]);
                }
                f1[f] = ClassMetrics.of(task.labels(), gold, pred).macroF1();
            }
            pooled.put(task, ClassMetrics.of(task.labels(),
                    labelled.stream().map(s -> s.label(task)).toList(), List.of(predicted)));
            perFold.put(task, f1);
        }
        return new Result(pooled, perFold);
    }
}

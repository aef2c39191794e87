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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
     * Assigns each record a fold in [0, k): groups (families, or single records) are shuffled with the seed,
     * sorted by the label of the task, and dealt round-robin, which stratifies by label.
     */
    public static int[] folds(List<Statement> data, Task task, int k, long seed) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            Statement s = data.get(i);
            String key = s.family() != null ? "f:" + s.family() : "r:" + i;
            groups.computeIfAbsent(key, g -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> list = new ArrayList<>(groups.values());
        Collections.shuffle(list, new Random(seed));
        list.sort(Comparator.comparing(g -> String.valueOf(data.get(g.get(0)).label(task))));
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

    public static Result run(NgramTrainer trainer, List<Statement> data, int k) {
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

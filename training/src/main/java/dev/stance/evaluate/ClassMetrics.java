package dev.stance.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix of one task.
 *
 * <p>Macro-F1 averages over the labels that occur in the gold or the predicted labels (as scikit-learn
 * does), so a per-language subset without a label is not punished for it, but predicting a label that never
 * occurs still costs.
 *
 * <p>With no labelled record ({@code n == 0}) accuracy and macro-F1 are undefined: {@link #defined()} is false,
 * the fields hold 0, and every report writes them as {@code null}.
 */
public record ClassMetrics(int n, double accuracy, double macroF1, Map<String, PerClass> perClass,
                           List<String> labels, long[][] confusion) {

    /** Precision, recall, F1 and gold count of one label. */
    public record PerClass(double precision, double recall, double f1, long support) {
    }

    /**
     * @param labels the task's labels in canonical order (rows and columns of the confusion matrix)
     * @param gold gold labels
     * @param predicted predicted labels, aligned with gold
     */
    public static ClassMetrics of(List<String> labels, List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        int k = labels.size();
        long[][] cm = new long[k][k];
        long correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            int g = index(labels, gold.get(i));
            int p = index(labels, predicted.get(i));
            cm[g][p]++;
            if (g == p) {
                correct++;
            }
        }
        Set<String> present = new LinkedHashSet<>();
        for (String l : labels) {
            if (gold.contains(l) || predicted.contains(l)) {
                present.add(l);
            }
        }
        Map<String, PerClass> per = new LinkedHashMap<>();
        double f1Sum = 0;
        for (int c = 0; c < k; c++) {
            long tp = cm[c][c];
            long fp = 0;
            long fn = 0;
            for (int o = 0; o < k; o++) {
                if (o != c) {
                    fp += cm[o][c];
                    fn += cm[c][o];
                }
            }
            double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.put(labels.get(c), new PerClass(precision, recall, f1, tp + fn));
            if (present.contains(labels.get(c))) {
                f1Sum += f1;
            }
        }
        double macro = present.isEmpty() ? 0 : f1Sum / present.size();
        double acc = gold.isEmpty() ? 0 : (double) correct / gold.size();
        return new ClassMetrics(gold.size(), acc, macro, per, new ArrayList<>(labels), cm);
    }

    /** Whether the metrics mean anything: at least one labelled record was scored. */
    public boolean defined() {
        return n > 0;
    }

    private static int index(List<String> labels, String l) {
        int i = labels.indexOf(l);
        if (i < 0) {
            throw new IllegalArgumentException("label '" + l + "' is not one of " + labels);
        }
        return i;
    }
}

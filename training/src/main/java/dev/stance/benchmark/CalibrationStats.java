package dev.stance.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * How well predicted probabilities match outcomes: expected calibration error over equal-width confidence bins,
 * the multi-class Brier score, and the bins themselves for reliability diagrams.
 */
public final class CalibrationStats {
    public static final int BINS = 10;

    private CalibrationStats() {
    }

    /** One reliability bin: mean confidence, accuracy and count of the predictions that fall in it. */
    public record Bin(double low, double high, double confidence, double accuracy, int count) {
    }

    /**
     * @param probs per statement, the probability of each label (canonical order)
     * @param gold per statement, the index of the gold label
     */
    public static List<Bin> bins(List<double[]> probs, List<Integer> gold) {
        double[] conf = new double[BINS];
        double[] acc = new double[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < probs.size(); i++) {
            double[] p = probs.get(i);
            int arg = 0;
            for (int j = 1; j < p.length; j++) {
                if (p[j] > p[arg]) {
                    arg = j;
                }
            }
            int b = Math.min(BINS - 1, (int) (p[arg] * BINS));
            conf[b] += p[arg];
            acc[b] += arg == gold.get(i) ? 1 : 0;
            count[b]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            out.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS,
                    count[b] == 0 ? 0 : conf[b] / count[b], count[b] == 0 ? 0 : acc[b] / count[b], count[b]));
        }
        return out;
    }

    /** Σ over bins of (bin share) × |accuracy − confidence|. */
    public static double ece(List<double[]> probs, List<Integer> gold) {
        double e = 0;
        for (Bin b : bins(probs, gold)) {
            e += b.count() / (double) probs.size() * Math.abs(b.accuracy() - b.confidence());
        }
        return e;
    }

    /** Mean over statements of Σ_labels (p − y)², between 0 (perfect) and 2. */
    public static double brier(List<double[]> probs, List<Integer> gold) {
        double s = 0;
        for (int i = 0; i < probs.size(); i++) {
            double[] p = probs.get(i);
            for (int j = 0; j < p.length; j++) {
                double y = j == gold.get(i) ? 1 : 0;
                s += (p[j] - y) * (p[j] - y);
            }
        }
        return s / probs.size();
    }
}

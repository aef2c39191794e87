package dev.stance.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns raw per-label scores into a calibrated probability map in the task's canonical label order. */
public final class Probabilities {
    private Probabilities() {
    }

    /**
     * Softmax of {@code logits / temperature}, keyed by label in canonical order.
     *
     * @param labels the task's labels in canonical order
     * @param logits one logit per label, aligned with {@code labels}
     */
    public static Map<String, Double> softmax(List<String> labels, double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l / temperature);
        }
        double[] e = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] / temperature - max);
            sum += e[i];
        }
        Map<String, Double> p = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            p.put(labels.get(i), e[i] / sum);
        }
        return p;
    }

    /** Log-probabilities as logits, so a probabilistic model can be temperature-scaled like a margin model. */
    public static double[] logits(double[] probabilities) {
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(Math.max(probabilities[i], 1e-12));
        }
        return out;
    }

    /** The label with the highest probability; ties go to the earlier label in canonical order. */
    public static String argmax(Map<String, Double> p) {
        String best = null;
        double bestP = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            if (e.getValue() > bestP) {
                best = e.getKey();
                bestP = e.getValue();
            }
        }
        return best;
    }
}

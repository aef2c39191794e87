package dev.stance.model;

import java.util.Map;

/** The predicted label of one task and the probability of every label (in the task's canonical order). */
public record TaskPrediction(String label, Map<String, Double> p) {
    public double probability() {
        return p.get(label);
    }
}

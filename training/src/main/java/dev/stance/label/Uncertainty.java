package dev.stance.label;

import dev.stance.data.Task;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;

/** How unsure a model is of one statement, per task and over both tasks, each in [0, 1]. */
public final class Uncertainty {
    private Uncertainty() {
    }

    /** Shannon entropy of the label distribution divided by its maximum, ln(number of labels). */
    public static double entropy(TaskPrediction p) {
        double h = 0;
        for (double q : p.p().values()) {
            if (q > 0) {
                h -= q * Math.log(q);
            }
        }
        return h / Math.log(p.p().size());
    }

    /** One minus the gap between the two most probable labels: 1 when they tie, 0 when one has it all. */
    public static double margin(TaskPrediction p) {
        double first = 0;
        double second = 0;
        for (double q : p.p().values()) {
            if (q > first) {
                second = first;
                first = q;
            } else if (q > second) {
                second = q;
            }
        }
        return 1 - (first - second);
    }

    /** The mean over both tasks of {@link #entropy}. */
    public static double meanEntropy(StatementPrediction p) {
        double s = 0;
        for (Task t : Task.values()) {
            s += entropy(p.get(t));
        }
        return s / Task.values().length;
    }

    /** The mean over both tasks of {@link #margin}. */
    public static double meanMargin(StatementPrediction p) {
        double s = 0;
        for (Task t : Task.values()) {
            s += margin(p.get(t));
        }
        return s / Task.values().length;
    }
}

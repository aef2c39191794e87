package dev.stance.data;

import java.util.List;
import java.util.Locale;

/** The two labelling tasks. The label sets are fixed by the annotation guidelines (datasets/GUIDELINES.md). */
public enum Task {
    STANCE("stance", List.of("conciliatory", "hostile", "skeptical", "neutral")),
    OPENNESS("openness", List.of("real", "rhetorical", "none"));

    private final String key;
    private final List<String> labels;

    Task(String key, List<String> labels) {
        this.key = key;
        this.labels = labels;
    }

    /** The JSON field name of this task in records, predictions and reports. */
    public String key() {
        return key;
    }

    /** Labels in their canonical order (used for confusion matrices and probability maps). */
    public List<String> labels() {
        return labels;
    }

    public boolean isLabel(String label) {
        return labels.contains(label);
    }

    public static Task fromKey(String key) {
        for (Task t : values()) {
            if (t.key.equals(key.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + key + "' (expected stance or openness)");
    }
}

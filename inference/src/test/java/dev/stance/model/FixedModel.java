package dev.stance.model;

import dev.stance.data.Task;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A fake model with fixed logits (in the manner of DJL's translator tests): labels a statement hostile when it
 * contains "threat", conciliatory otherwise, so scoring plumbing can be tested without weights.
 * Throws on a statement containing "EXPLODE" to test per-article failure handling.
 */
public final class FixedModel implements StanceModel {
    private final Manifest manifest = new Manifest(Manifest.SCHEMA_VERSION, "fixed-v1", "fixed", "v1", "fixed",
            Map.of(), Map.of(), null, null, null, null, null, null, null, null, Map.of());

    @Override
    public Manifest manifest() {
        return manifest;
    }

    @Override
    public List<StatementPrediction> predict(List<StatementInput> inputs) {
        List<StatementPrediction> out = new ArrayList<>();
        for (StatementInput in : inputs) {
            if (in.text().contains("EXPLODE")) {
                throw new IllegalStateException("boom");
            }
            boolean threat = in.text().contains("threat");
            Map<Task, TaskPrediction> m = new EnumMap<>(Task.class);
            var ps = Probabilities.softmax(Task.STANCE.labels(), threat ? new double[] {0, 2, 0, 0} : new double[] {2, 0, 0, 0}, 1.0);
            m.put(Task.STANCE, new TaskPrediction(Probabilities.argmax(ps), ps));
            var po = Probabilities.softmax(Task.OPENNESS.labels(), new double[] {0, 0, 1}, 1.0);
            m.put(Task.OPENNESS, new TaskPrediction(Probabilities.argmax(po), po));
            out.add(new StatementPrediction(m));
        }
        return out;
    }
}

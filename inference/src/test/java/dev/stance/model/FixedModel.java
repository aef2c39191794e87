package dev.stance.model;

import dev.stance.data.Task;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A fake model with fixed logits (in the manner of DJL's translator tests): labels a statement hostile when it
 * contains "threat", conciliatory otherwise (with a low probability when it contains "perhaps"), and its openness
 * real when it contains "ready to", rhetorical with "only if", none otherwise (the last with a low probability), so
 * scoring plumbing and the report can be tested without weights.
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
            double[] stance = threat ? new double[] {0, 3, 0, 0}
                    : in.text().contains("perhaps") ? new double[] {0.5, 0, 0, 0} : new double[] {3, 0, 0, 0};
            var ps = Probabilities.softmax(Task.STANCE.labels(), stance, 1.0);
            m.put(Task.STANCE, new TaskPrediction(Probabilities.argmax(ps), ps));
            double[] openness = in.text().contains("ready to") ? new double[] {4, 0, 0}
                    : in.text().contains("only if") ? new double[] {0, 4, 0} : new double[] {0, 0, 0.2};
            var po = Probabilities.softmax(Task.OPENNESS.labels(), openness, 1.0);
            m.put(Task.OPENNESS, new TaskPrediction(Probabilities.argmax(po), po));
            out.add(new StatementPrediction(m));
        }
        return out;
    }
}

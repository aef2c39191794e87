package dev.stance.model.ensemble;

import dev.stance.data.Task;
import dev.stance.encoder.Encoded;
import dev.stance.model.EncoderHeadModel;
import dev.stance.model.Manifest;
import dev.stance.model.Probabilities;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A weighted average of member models' probabilities. Members that read text differently (character n-grams,
 * a multilingual encoder) make different mistakes, so their average is more accurate than either. Members that
 * are heads on the same encoder share one encoding of each batch (and, through {@link
 * dev.stance.encoder.SharedEncoders}, one loaded encoder).
 */
public final class EnsembleModel implements StanceModel {
    private final Manifest manifest;
    private final List<StanceModel> members;
    private final double[] weights;

    public EnsembleModel(Manifest manifest, List<StanceModel> members, double[] weights) {
        this.manifest = manifest;
        this.members = List.copyOf(members);
        this.weights = weights.clone();
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    /** The member models, in manifest order. */
    public List<StanceModel> members() {
        return members;
    }

    @Override
    public List<StatementPrediction> predict(List<StatementInput> inputs) {
        List<List<StatementPrediction>> each = new ArrayList<>();
        Map<String, List<Encoded>> encodedBy = new HashMap<>();
        for (StanceModel m : members) {
            if (m instanceof EncoderHeadModel head && head.encoder() != null) {
                // the same encoder id means the same weights and inputs, so the same vectors: encode once
                List<Encoded> encoded = encodedBy.computeIfAbsent(head.encoder().id(), id -> head.encoder().encode(inputs));
                each.add(head.predictEncoded(encoded));
            } else {
                each.add(m.predict(inputs));
            }
        }
        return scaled(combine(each, weights), manifest);
    }

    /**
     * The average re-scaled by the ensemble's own temperature, where its manifest has one: averaging calibrated
     * members leaves the average under-confident, and a temperature fitted on the ensemble's out-of-fold
     * predictions corrects that without changing any label.
     */
    static List<StatementPrediction> scaled(List<StatementPrediction> averaged, Manifest manifest) {
        if (manifest.temperature() == null || manifest.temperature().isEmpty()) {
            return averaged;
        }
        List<StatementPrediction> out = new ArrayList<>(averaged.size());
        for (StatementPrediction p : averaged) {
            Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
            for (Task t : Task.values()) {
                double[] probs = t.labels().stream().mapToDouble(l -> p.get(t).p().get(l)).toArray();
                Map<String, Double> q = Probabilities.softmax(t.labels(), Probabilities.logits(probs),
                        manifest.temperatureOf(t.key()));
                tasks.put(t, new TaskPrediction(p.get(t).label(), q));
            }
            out.add(new StatementPrediction(tasks));
        }
        return out;
    }

    /** Weighted average of aligned member predictions, per task and label. */
    public static List<StatementPrediction> combine(List<List<StatementPrediction>> each, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        List<StatementPrediction> out = new ArrayList<>();
        for (int i = 0; i < each.get(0).size(); i++) {
            Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
            for (Task t : Task.values()) {
                Map<String, Double> p = new LinkedHashMap<>();
                for (String l : t.labels()) {
                    double s = 0;
                    for (int k = 0; k < each.size(); k++) {
                        s += weights[k] * each.get(k).get(i).get(t).p().get(l);
                    }
                    p.put(l, s / total);
                }
                tasks.put(t, new TaskPrediction(Probabilities.argmax(p), p));
            }
            out.add(new StatementPrediction(tasks));
        }
        return out;
    }

    @Override
    public void close() {
        members.forEach(StanceModel::close);
    }
}

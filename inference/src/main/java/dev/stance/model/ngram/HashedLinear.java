package dev.stance.model.ngram;

import dev.stance.data.Task;
import dev.stance.features.FeatureHash;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * The per-task Tribuo linear models laid out for scoring: one open-addressing table keyed by the
 * {@link FeatureHash} of each feature name, pointing at a row of weights for every label of every task, plus
 * Tribuo's own bias column. Scoring a statement is one probe per feature for all tasks at once, with no String,
 * Example or SparseVector in between; it is the same arithmetic as Tribuo's {@code predict} (W·x + b), and tests
 * check the two agree.
 */
final class HashedLinear {
    private final List<Task> tasks;
    private final int[] offset;
    private final int width;
    private final long[] keys;
    private final int[] rows;
    private final double[] weights;
    private final double[] bias;

    private HashedLinear(List<Task> tasks, int[] offset, long[] keys, int[] rows, double[] weights, double[] bias) {
        this.tasks = tasks;
        this.offset = offset;
        this.width = bias.length;
        this.keys = keys;
        this.rows = rows;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Compiles one Tribuo linear SGD model per task. Fails if two feature names share a 64-bit hash, since
     * scoring could not tell them apart.
     */
    static HashedLinear of(Map<Task, Model<Label>> models) {
        return of(models, FeatureHash::of);
    }

    /** {@link #of(Map)} with another hash of names: lets a test force a collision. Scoring needs FeatureHash. */
    static HashedLinear of(Map<Task, Model<Label>> models, ToLongFunction<String> hashOfName) {
        List<Task> tasks = List.copyOf(models.keySet());
        int[] offset = new int[tasks.size() + 1];
        for (int t = 0; t < tasks.size(); t++) {
            offset[t + 1] = offset[t] + tasks.get(t).labels().size();
        }
        int width = offset[tasks.size()];

        Map<String, Integer> rowOf = new HashMap<>();
        for (Model<Label> m : models.values()) {
            for (var info : m.getFeatureIDMap()) {
                rowOf.putIfAbsent(info.getName(), rowOf.size());
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, rowOf.size()) * 2) * 2;
        long[] keys = new long[capacity];
        int[] rows = new int[capacity];
        String[] nameAt = new String[capacity];
        Arrays.fill(rows, -1);
        for (Map.Entry<String, Integer> e : rowOf.entrySet()) {
            long hash = hashOfName.applyAsLong(e.getKey());
            int slot = (int) hash & (capacity - 1);
            while (rows[slot] >= 0) {
                if (keys[slot] == hash) {
                    throw new IllegalStateException("feature names '" + nameAt[slot] + "' and '" + e.getKey()
                            + "' have the same 64-bit hash; the hashed scorer cannot hold this model");
                }
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = hash;
            rows[slot] = e.getValue();
            nameAt[slot] = e.getKey();
        }

        double[] weights = new double[rowOf.size() * width];
        double[] bias = new double[width];
        for (int t = 0; t < tasks.size(); t++) {
            Task task = tasks.get(t);
            Model<Label> model = models.get(task);
            if (!(model instanceof AbstractLinearSGDModel<Label> linear)) {
                throw new IllegalArgumentException("not a Tribuo linear SGD model: " + model.getClass().getName());
            }
            DenseMatrix w = linear.getWeightsCopy();
            ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
            ImmutableFeatureMap features = model.getFeatureIDMap();
            int biasColumn = w.getDimension2Size() - 1;
            // A label the training data never had gets no weights and a bias of -infinity: probability zero.
            for (int j = 0; j < task.labels().size(); j++) {
                int label = outputs.getID(new Label(task.labels().get(j)));
                int col = offset[t] + j;
                bias[col] = label < 0 ? Double.NEGATIVE_INFINITY : w.get(label, biasColumn);
                if (label < 0) {
                    continue;
                }
                for (var info : features) {
                    weights[rowOf.get(info.getName()) * width + col] = w.get(label, features.getID(info.getName()));
                }
            }
        }
        return new HashedLinear(tasks, offset, keys, rows, weights, bias);
    }

    List<Task> tasks() {
        return tasks;
    }

    /** Where task {@code t}'s scores start in a {@link #newScores} array; they end where task t + 1's start. */
    int offset(int t) {
        return offset[t];
    }

    /** Fresh raw scores (logits or margins) before any feature: the bias of every label of every task. */
    double[] newScores() {
        return bias.clone();
    }

    /** Resets {@code scores} to the biases, for the next statement. */
    void reset(double[] scores) {
        System.arraycopy(bias, 0, scores, 0, width);
    }

    /** Adds one feature's contribution; a feature the models never saw adds nothing. */
    void add(double[] scores, long hash, double value) {
        int mask = keys.length - 1;
        for (int slot = (int) hash & mask; rows[slot] >= 0; slot = (slot + 1) & mask) {
            if (keys[slot] == hash) {
                int base = rows[slot] * width;
                for (int j = 0; j < width; j++) {
                    scores[j] += weights[base + j] * value;
                }
                return;
            }
        }
    }
}

package dev.stance.model.ngram;

import dev.stance.data.Task;
import dev.stance.features.FeatureHash;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * The per-task Tribuo linear models laid out for scoring: one open-addressing table keyed by the
 * {@link FeatureHash} of each feature name, each slot holding that feature's weight for every label of every
 * task, plus Tribuo's own bias column. Scoring a statement is one probe per feature for all tasks at once, with
 * no String, Example or SparseVector in between; it is the same arithmetic as Tribuo's {@code predict}
 * (W·x + b), and tests check the two agree.
 */
final class HashedLinear {
    /** Marks an empty slot; a feature name that hashes to it is refused at compile time. */
    private static final long EMPTY = 0L;

    private final List<Task> tasks;
    private final int[] offset;
    private final int width;
    private final int stride;
    private final int mask;
    // Slot s is table[s * stride ...]: the hash, then the weights as raw double bits. Keeping them together
    // makes a probe touch one or two adjacent cache lines rather than a key array and a distant weight row;
    // that memory traffic, not arithmetic, is what scoring ~650 features per statement costs.
    private final long[] table;
    private final double[] bias;

    private HashedLinear(List<Task> tasks, int[] offset, long[] table, int capacity, double[] bias) {
        this.tasks = tasks;
        this.offset = offset;
        this.width = bias.length;
        this.stride = width + 1;
        this.mask = capacity - 1;
        this.table = table;
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
        int stride = width + 1;

        Set<String> names = new LinkedHashSet<>();
        for (Model<Label> m : models.values()) {
            for (var info : m.getFeatureIDMap()) {
                names.add(info.getName());
            }
        }
        // Load factor at most 3/4: short probe runs, and a smaller table stays warmer in cache than a sparser one.
        int capacity = Integer.highestOneBit(Math.max(4, names.size() * 4 / 3) - 1) * 2;
        long[] table = new long[capacity * stride];
        Map<String, Integer> slotOf = new HashMap<>(names.size() * 2);
        String[] nameAt = new String[capacity];
        for (String name : names) {
            long hash = hashOfName.applyAsLong(name);
            if (hash == EMPTY) {
                throw new IllegalStateException("feature name '" + name + "' hashes to the empty-slot marker; "
                        + "the hashed scorer cannot hold this model");
            }
            int slot = (int) hash & (capacity - 1);
            while (table[slot * stride] != EMPTY) {
                if (table[slot * stride] == hash) {
                    throw new IllegalStateException("feature names '" + nameAt[slot] + "' and '" + name
                            + "' have the same 64-bit hash; the hashed scorer cannot hold this model");
                }
                slot = (slot + 1) & (capacity - 1);
            }
            table[slot * stride] = hash;
            nameAt[slot] = name;
            slotOf.put(name, slot);
        }

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
                    double weight = w.get(label, features.getID(info.getName()));
                    table[slotOf.get(info.getName()) * stride + 1 + col] = Double.doubleToRawLongBits(weight);
                }
            }
        }
        return new HashedLinear(tasks, offset, table, capacity, bias);
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

    /**
     * Adds one feature's contribution; a feature the models never saw adds nothing. (An unseen n-gram whose
     * hash is the empty marker lands on an empty slot, whose weights are all zero: it adds nothing too.)
     */
    void add(double[] scores, long hash, double value) {
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            int at = slot * stride;
            long key = table[at];
            if (key == hash) {
                for (int j = 0; j < width; j++) {
                    scores[j] += Double.longBitsToDouble(table[at + 1 + j]) * value;
                }
                return;
            }
            if (key == EMPTY) {
                return;
            }
        }
    }
}

package dev.stance.model.ngram;

import dev.stance.data.Task;
import dev.stance.features.FeatureConfig;
import dev.stance.features.FeatureVector;
import dev.stance.features.HashedGramCounts;
import dev.stance.features.NgramFeaturizer;
import dev.stance.model.Manifest;
import dev.stance.model.Probabilities;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * The fast family: one Tribuo linear model per task over {@link NgramFeaturizer} features.
 *
 * <p>Probabilities are the softmax of the linear scores (W·x + b), divided by the calibration temperature:
 * for logistic regression that is exactly Tribuo's own output, for the linear SVM it turns margins into
 * probabilities. Scoring runs on {@link HashedLinear}: features arrive as hashes of their names
 * ({@link NgramFeaturizer#visitHashed}), so no String is built per n-gram.
 *
 * <p>A batch large enough to pay for the hand-off is split across threads: the caller scores one part and the
 * common fork-join pool the others. The system property {@value #THREADS_PROPERTY} caps the number of threads
 * (default: the common pool's parallelism plus the caller).
 */
public final class NgramTribuoModel implements StanceModel {
    public static final String THREADS_PROPERTY = "stance.ngram.threads";
    /** Below this many statements per thread, waking a pool thread costs more than it saves. */
    static final int MIN_PER_THREAD = 8;

    private final Manifest manifest;
    private final NgramFeaturizer featurizer;
    private final Map<Task, Model<Label>> models;
    private final HashedLinear compiled;
    private final int threads;
    // Idle scoring buffers: each running part takes one, so concurrent calls never share them. (Not a
    // ThreadLocal: long-lived threads would keep every model ever loaded reachable.)
    private final ConcurrentLinkedQueue<Scorer> idle = new ConcurrentLinkedQueue<>();

    public NgramTribuoModel(Manifest manifest, FeatureConfig features, Map<Task, Model<Label>> models) {
        this(manifest, features, models, true);
    }

    private NgramTribuoModel(Manifest manifest, FeatureConfig features, Map<Task, Model<Label>> models, boolean keep) {
        this.manifest = manifest;
        this.featurizer = new NgramFeaturizer(features);
        this.compiled = HashedLinear.of(new EnumMap<>(models));
        this.models = keep ? new EnumMap<>(models) : Map.of();
        this.threads = Math.max(1, Integer.getInteger(THREADS_PROPERTY, ForkJoinPool.getCommonPoolParallelism() + 1));
    }

    /**
     * A model that only scores: the Tribuo models are compiled into the hashed table and then let go. Their
     * feature-name maps are what makes loading {@code ngram-v5} need about 0.5 GB of heap, and scoring never reads
     * them (the default model's scoring run holds about 0.25 GB live afterwards).
     */
    public static NgramTribuoModel forScoring(Manifest manifest, FeatureConfig features, Map<Task, Model<Label>> models) {
        return new NgramTribuoModel(manifest, features, models, false);
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    public NgramFeaturizer featurizer() {
        return featurizer;
    }

    /**
     * The Tribuo model of {@code task}.
     *
     * @throws IllegalStateException for a model loaded {@link #forScoring} (read them with
     *     {@code TribuoWeights.readPerTask})
     */
    public Model<Label> model(Task task) {
        Model<Label> m = models.get(task);
        if (m == null) {
            throw new IllegalStateException(manifest.id() + " was loaded for scoring only; its Tribuo models are not kept");
        }
        return m;
    }

    /** Builds the Tribuo example for one input; the same call the trainer uses. */
    public static Example<Label> example(NgramFeaturizer featurizer, StatementInput in, Label label) {
        FeatureVector v = featurizer.featurize(in.text(), in.context());
        return new ArrayExample<>(label, v.names(), v.values());
    }

    @Override
    public List<StatementPrediction> predict(List<StatementInput> inputs) {
        int parts = Math.max(1, Math.min(threads, inputs.size() / MIN_PER_THREAD));
        StatementPrediction[] out = new StatementPrediction[inputs.size()];
        List<ForkJoinTask<?>> forked = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = p * inputs.size() / parts;
            int to = (p + 1) * inputs.size() / parts;
            forked.add(ForkJoinTask.adapt(() -> predictInto(inputs, from, to, out)).fork());
        }
        predictInto(inputs, 0, inputs.size() / parts, out);
        for (ForkJoinTask<?> f : forked) {
            f.join();
        }
        return Arrays.asList(out);
    }

    private void predictInto(List<StatementInput> inputs, int from, int to, StatementPrediction[] out) {
        Scorer scorer = idle.poll();
        if (scorer == null) {
            scorer = new Scorer();
        }
        try {
            for (int i = from; i < to; i++) {
                out[i] = scorer.predict(inputs.get(i));
            }
        } finally {
            idle.offer(scorer);
        }
    }

    /** One thread's scoring state: the hashed n-gram counts and the running scores they feed. */
    private final class Scorer implements HashedGramCounts.Sink {
        private final HashedGramCounts counts = new HashedGramCounts(this);
        private final double[] scores = compiled.newScores();

        @Override
        public void accept(long hash, double value) {
            compiled.add(scores, hash, value);
        }

        StatementPrediction predict(StatementInput in) {
            // Featurize once, score every task from the same features.
            compiled.reset(scores);
            featurizer.visitHashed(in.text(), in.context(), counts);
            Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
            List<Task> order = compiled.tasks();
            for (int t = 0; t < order.size(); t++) {
                Task task = order.get(t);
                double[] logits = Arrays.copyOfRange(scores, compiled.offset(t), compiled.offset(t + 1));
                Map<String, Double> p = Probabilities.softmax(task.labels(), logits,
                        manifest.temperatureOf(task.key()));
                tasks.put(task, new TaskPrediction(Probabilities.argmax(p), p));
            }
            return new StatementPrediction(tasks);
        }
    }
}

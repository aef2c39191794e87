package dev.stance.train;

import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.features.NgramFeaturizer;
import dev.stance.features.FeatureVector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains one Tribuo linear model per task over n-gram features.
 *
 * <p>Determinism: a fresh Tribuo trainer is built for every call (a Tribuo trainer advances its RNG on each
 * use), training is single-threaded, and examples are added in input order, so the same data and config give
 * the same weights.
 */
public final class NgramTrainer {
    private final TrainConfig config;
    private final NgramFeaturizer featurizer;

    public NgramTrainer(TrainConfig config) {
        this.config = config;
        this.featurizer = new NgramFeaturizer(config.features());
    }

    public TrainConfig config() {
        return config;
    }

    public Map<Task, Model<Label>> train(List<Statement> data) {
        Map<Task, Model<Label>> out = new EnumMap<>(Task.class);
        for (Task task : Task.values()) {
            out.put(task, train(task, data));
        }
        return out;
    }

    /** Trains the model of one task on the records that carry its label. */
    public Model<Label> train(Task task, List<Statement> data) {
        List<Statement> labelled = data.stream().filter(s -> s.label(task) != null).toList();
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("no records labelled for task " + task.key());
        }
        Map<String, Integer> counts = new HashMap<>();
        labelled.forEach(s -> counts.merge(s.label(task), 1, Integer::sum));
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(
                new SimpleDataSourceProvenance("stance statements (" + task.key() + ")", factory), factory);
        List<FeatureVector> vectors = labelled.stream()
                .map(s -> featurizer.featurize(s.text(), s.context())).toList();
        Set<String> kept = frequentFeatures(vectors);
        for (int i = 0; i < labelled.size(); i++) {
            Statement s = labelled.get(i);
            Example<Label> ex = example(vectors.get(i), kept, new Label(s.label(task)));
            if (config.classWeighting()) {
                ex.setWeight((float) (labelled.size() / (double) (counts.size() * counts.get(s.label(task)))));
            }
            ds.add(ex);
        }
        return trainer().train(ds);
    }

    /** Features in at least {@code minDf} statements; rarer ones are mostly noise and bloat the model. */
    private Set<String> frequentFeatures(List<FeatureVector> vectors) {
        Map<String, Integer> df = new HashMap<>();
        for (FeatureVector v : vectors) {
            for (String n : v.names()) {
                df.merge(n, 1, Integer::sum);
            }
        }
        Set<String> kept = new HashSet<>();
        df.forEach((n, c) -> {
            if (c >= config.minDf() || n.equals(NgramFeaturizer.BIAS)) {
                kept.add(n);
            }
        });
        return kept;
    }

    /** The training example: the scorer's featurization, restricted to the kept vocabulary. */
    private static Example<Label> example(FeatureVector v, Set<String> kept, Label label) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (kept.contains(v.names()[i])) {
                names.add(v.names()[i]);
                values.add(v.values()[i]);
            }
        }
        return new ArrayExample<>(label, names.toArray(new String[0]),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private LinearSGDTrainer trainer() {
        int noLogging = Integer.MAX_VALUE;
        if (config.algorithm().equals("svm")) {
            return new LinearSGDTrainer(new Hinge(), new AdaGrad(config.learningRate(), 0.1),
                    config.epochs(), noLogging, 1, config.seed());
        }
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(config.learningRate(), 0.1),
                config.epochs(), noLogging, 1, config.seed());
    }
}

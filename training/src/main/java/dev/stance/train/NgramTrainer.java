package dev.stance.train;

import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.features.NgramFeaturizer;
import dev.stance.model.StatementInput;
import dev.stance.model.ngram.NgramTribuoModel;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
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
        for (Statement s : labelled) {
            Example<Label> ex = NgramTribuoModel.example(featurizer, new StatementInput(s.text(), s.context()),
                    new Label(s.label(task)));
            if (config.classWeighting()) {
                ex.setWeight((float) (labelled.size() / (double) (counts.size() * counts.get(s.label(task)))));
            }
            ds.add(ex);
        }
        return trainer().train(ds);
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

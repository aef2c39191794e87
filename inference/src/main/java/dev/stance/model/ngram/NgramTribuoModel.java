package dev.stance.model.ngram;

import dev.stance.data.Task;
import dev.stance.features.FeatureConfig;
import dev.stance.features.FeatureVector;
import dev.stance.features.NgramFeaturizer;
import dev.stance.model.Manifest;
import dev.stance.model.Probabilities;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * The fast family: one Tribuo linear model per task over {@link NgramFeaturizer} features.
 * Margin models (linear SVM) get a softmax over their scores so every family reports probabilities.
 */
public final class NgramTribuoModel implements StanceModel {
    private final Manifest manifest;
    private final NgramFeaturizer featurizer;
    private final Map<Task, Model<Label>> models;

    public NgramTribuoModel(Manifest manifest, FeatureConfig features, Map<Task, Model<Label>> models) {
        this.manifest = manifest;
        this.featurizer = new NgramFeaturizer(features);
        this.models = new EnumMap<>(models);
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    public NgramFeaturizer featurizer() {
        return featurizer;
    }

    public Model<Label> model(Task task) {
        return models.get(task);
    }

    /** Builds the Tribuo example for one input; the same call the trainer uses. */
    public static Example<Label> example(NgramFeaturizer featurizer, StatementInput in, Label label) {
        FeatureVector v = featurizer.featurize(in.text(), in.context());
        return new ArrayExample<>(label, v.names(), v.values());
    }

    @Override
    public List<StatementPrediction> predict(List<StatementInput> inputs) {
        List<Example<Label>> examples = new ArrayList<>(inputs.size());
        for (StatementInput in : inputs) {
            examples.add(example(featurizer, in, LabelFactory.UNKNOWN_LABEL));
        }
        Map<Task, List<Prediction<Label>>> byTask = new EnumMap<>(Task.class);
        for (Map.Entry<Task, Model<Label>> e : models.entrySet()) {
            byTask.put(e.getKey(), e.getValue().predict(examples));
        }
        List<StatementPrediction> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
            for (Map.Entry<Task, List<Prediction<Label>>> e : byTask.entrySet()) {
                Task task = e.getKey();
                tasks.put(task, toTaskPrediction(task, models.get(task).generatesProbabilities(),
                        e.getValue().get(i), manifest.temperatureOf(task.key())));
            }
            out.add(new StatementPrediction(tasks));
        }
        return out;
    }

    static TaskPrediction toTaskPrediction(Task task, boolean probabilistic, Prediction<Label> pred,
                                           double temperature) {
        List<String> labels = task.labels();
        double[] scores = new double[labels.size()];
        Map<String, Label> raw = pred.getOutputScores();
        for (int j = 0; j < labels.size(); j++) {
            Label l = raw.get(labels.get(j));
            scores[j] = l == null ? (probabilistic ? 0.0 : -1e9) : l.getScore();
        }
        double[] logits = probabilistic ? Probabilities.logits(scores) : scores;
        Map<String, Double> p = Probabilities.softmax(labels, logits, temperature);
        return new TaskPrediction(Probabilities.argmax(p), p);
    }
}

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
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * The fast family: one Tribuo linear model per task over {@link NgramFeaturizer} features.
 *
 * <p>Probabilities are the softmax of the linear scores (W·x + b), divided by the calibration temperature:
 * for logistic regression that is exactly Tribuo's own output, for the linear SVM it turns margins into
 * probabilities. Scoring runs on {@link CompiledLinear}, Tribuo's weights in a lookup table.
 */
public final class NgramTribuoModel implements StanceModel {
    private final Manifest manifest;
    private final NgramFeaturizer featurizer;
    private final Map<Task, Model<Label>> models;
    private final Map<Task, CompiledLinear> compiled;

    public NgramTribuoModel(Manifest manifest, FeatureConfig features, Map<Task, Model<Label>> models) {
        this.manifest = manifest;
        this.featurizer = new NgramFeaturizer(features);
        this.models = new EnumMap<>(models);
        this.compiled = new EnumMap<>(Task.class);
        models.forEach((task, m) -> compiled.put(task, CompiledLinear.of(m, task.labels())));
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
        List<StatementPrediction> out = new ArrayList<>(inputs.size());
        List<String> names = new ArrayList<>();
        double[] values = new double[64];
        for (StatementInput in : inputs) {
            // Featurize once, score every task from the same features.
            names.clear();
            double[][] buf = {values};
            featurizer.visit(in.text(), in.context(), (name, value) -> {
                if (names.size() == buf[0].length) {
                    buf[0] = java.util.Arrays.copyOf(buf[0], buf[0].length * 2);
                }
                buf[0][names.size()] = value;
                names.add(name);
            });
            values = buf[0];
            Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
            for (Map.Entry<Task, CompiledLinear> e : compiled.entrySet()) {
                Task task = e.getKey();
                double[] logits = e.getValue().scores(names, values);
                Map<String, Double> p = Probabilities.softmax(task.labels(), logits,
                        manifest.temperatureOf(task.key()));
                tasks.put(task, new TaskPrediction(Probabilities.argmax(p), p));
            }
            out.add(new StatementPrediction(tasks));
        }
        return out;
    }
}

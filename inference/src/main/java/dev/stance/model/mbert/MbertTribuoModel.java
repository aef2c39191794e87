package dev.stance.model.mbert;

import dev.stance.data.Task;
import dev.stance.encoder.Encoded;
import dev.stance.encoder.TextEncoder;
import dev.stance.model.EncoderHeadModel;
import dev.stance.model.Manifest;
import dev.stance.model.Probabilities;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** Frozen multilingual BERT, pooled ({@link EncoderFeatures}), with one Tribuo logistic regression per task. */
public final class MbertTribuoModel implements EncoderHeadModel {
    private final Manifest manifest;
    private final MbertConfig config;
    private final TextEncoder encoder;
    private final Map<Task, Model<Label>> heads;

    public MbertTribuoModel(Manifest manifest, MbertConfig config, TextEncoder encoder, Map<Task, Model<Label>> heads) {
        this.manifest = manifest;
        this.config = config;
        this.encoder = encoder;
        this.heads = new EnumMap<>(heads);
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    @Override
    public TextEncoder encoder() {
        return encoder;
    }

    @Override
    public List<StatementPrediction> predict(List<StatementInput> inputs) {
        return predictEncoded(encoder.encode(inputs));
    }

    /** Predictions from already-encoded statements (the trainer's path through the embedding cache). */
    @Override
    public List<StatementPrediction> predictEncoded(List<Encoded> encoded) {
        List<StatementPrediction> out = new ArrayList<>(encoded.size());
        for (Encoded e : encoded) {
            double[] f = EncoderFeatures.of(e, config);
            var example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, EncoderFeatures.names(f.length), f);
            Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
            for (Map.Entry<Task, Model<Label>> h : heads.entrySet()) {
                Task task = h.getKey();
                Prediction<Label> p = h.getValue().predict(example);
                double[] probs = new double[task.labels().size()];
                for (int j = 0; j < probs.length; j++) {
                    Label l = p.getOutputScores().get(task.labels().get(j));
                    probs[j] = l == null ? 0 : l.getScore();
                }
                Map<String, Double> cal = Probabilities.softmax(task.labels(), Probabilities.logits(probs),
                        manifest.temperatureOf(task.key()));
                tasks.put(task, new TaskPrediction(Probabilities.argmax(cal), cal));
            }
            out.add(new StatementPrediction(tasks));
        }
        return out;
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}

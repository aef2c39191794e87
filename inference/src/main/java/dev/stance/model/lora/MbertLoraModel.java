package dev.stance.model.lora;

import dev.stance.data.Task;
import dev.stance.encoder.Encoded;
import dev.stance.encoder.TextEncoder;
import dev.stance.model.EncoderHeadModel;
import dev.stance.model.Manifest;
import dev.stance.model.Probabilities;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Multilingual BERT with its top layers adapted by LoRA ({@link LoraTransformer}) and two task heads. */
public final class MbertLoraModel implements EncoderHeadModel {
    /** Statements per PyTorch forward pass; batches are length-sorted so padding stays small. */
    static final int BATCH = 32;
    private static final Task[] OUTPUTS = {Task.STANCE, Task.OPENNESS};

    private final Manifest manifest;
    private final TextEncoder encoder;
    private final LoraTransformer top;

    /** {@code encoder} may be null for a model that only scores precomputed encodings (training, CV). */
    public MbertLoraModel(Manifest manifest, TextEncoder encoder, LoraTransformer top) {
        this.manifest = manifest;
        this.encoder = encoder;
        this.top = top;
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

    @Override
    public List<StatementPrediction> predictEncoded(List<Encoded> encoded) {
        StatementPrediction[] out = new StatementPrediction[encoded.size()];
        for (List<Integer> idx : Encoded.lengthSortedBatches(encoded, BATCH)) {
            float[][][] logits;
            synchronized (top) {
                logits = top.logits(idx.stream().map(encoded::get).toList());
            }
            for (int k = 0; k < idx.size(); k++) {
                Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
                for (int o = 0; o < OUTPUTS.length; o++) {
                    Task task = OUTPUTS[o];
                    float[] f = logits[o][k];
                    double[] z = new double[f.length];
                    for (int j = 0; j < f.length; j++) {
                        z[j] = f[j];
                    }
                    Map<String, Double> p = Probabilities.softmax(task.labels(), z, manifest.temperatureOf(task.key()));
                    tasks.put(task, new TaskPrediction(Probabilities.argmax(p), p));
                }
                out[idx.get(k)] = new StatementPrediction(tasks);
            }
        }
        return List.of(out);
    }

    /** The adapted layers and heads (for export after training). */
    public LoraTransformer transformer() {
        return top;
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
        }
        top.close();
    }
}

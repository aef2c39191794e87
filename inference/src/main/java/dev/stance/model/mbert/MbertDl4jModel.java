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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frozen multilingual BERT with a DL4J multi-task head on its token vectors: one ComputationGraph with two
 * softmax outputs, "stance" and "openness", in that order.
 */
public final class MbertDl4jModel implements EncoderHeadModel {
    /** Statements per head forward pass. */
    static final int HEAD_BATCH = 64;

    private final Manifest manifest;
    private final TextEncoder encoder;
    private final ComputationGraph graph;

    public MbertDl4jModel(Manifest manifest, TextEncoder encoder, ComputationGraph graph) {
        this.manifest = manifest;
        this.encoder = encoder;
        this.graph = graph;
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    public ComputationGraph graph() {
        return graph;
    }

    @Override
    public TextEncoder encoder() {
        return encoder;
    }

    @Override
    public List<StatementPrediction> predict(List<StatementInput> inputs) {
        return predictEncoded(encoder.encode(inputs));
    }

    /** Predictions from encoder outputs; batches are length-sorted to keep padding small. */
    @Override
    public List<StatementPrediction> predictEncoded(List<Encoded> encoded) {
        StatementPrediction[] out = new StatementPrediction[encoded.size()];
        for (List<Integer> idx : Encoded.lengthSortedBatches(encoded, HEAD_BATCH)) {
            INDArray[] in = SequenceBatch.of(idx.stream().map(encoded::get).toList());
            INDArray[] probs;
            synchronized (graph) {
                probs = graph.output(false, new INDArray[] {in[0]}, new INDArray[] {in[1]}, null);
            }
            for (int k = 0; k < idx.size(); k++) {
                Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
                Task[] order2 = {Task.STANCE, Task.OPENNESS};
                for (int o = 0; o < 2; o++) {
                    Task task = order2[o];
                    double[] p = probs[o].getRow(k).toDoubleVector();
                    Map<String, Double> cal = Probabilities.softmax(task.labels(), Probabilities.logits(p),
                            manifest.temperatureOf(task.key()));
                    tasks.put(task, new TaskPrediction(Probabilities.argmax(cal), cal));
                }
                out[idx.get(k)] = new StatementPrediction(tasks);
            }
        }
        return List.of(out);
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}

package dev.stance.model.lora;

import dev.stance.encoder.MbertEncoder;
import dev.stance.model.mbert.MbertConfig;
import java.util.List;

/**
 * What the scorer needs to rebuild an mbert-lora model; stored as the manifest's {@code features}.
 *
 * @param encoder the frozen encoder's id: multilingual BERT cut after {@code frozenLayers}, statement only
 * @param batchSize encoder batch size at scoring time
 * @param frozenLayers layers run frozen by TensorFlow; the layers above (to {@code layers}) run adapted on PyTorch
 * @param rank adapter rank r
 * @param alpha adapter scale α (updates are scaled by α / r)
 * @param baseSha256 SHA-256 of each adapted layer's base weights ({@link dev.stance.encoder.BaseWeights}), in
 *                   layer order; checked at load
 * @param layers the model's depth: BERT cut after this layer (a distilled student); absent in models older than
 *               the option, which use all 12
 */
public record LoraConfig(String encoder, int batchSize, int frozenLayers, int rank, double alpha,
                         List<String> baseSha256, Integer layers) {
    /** The model's depth: 12 unless it was cut ({@link #layers}). */
    public int depth() {
        return layers == null ? MbertEncoder.LAYERS : layers;
    }

    /** The frozen encoder's settings: statement only, cut after {@link #frozenLayers}. */
    public MbertConfig encoderConfig() {
        return new MbertConfig(encoderId(frozenLayers), 0, batchSize, false, frozenLayers, false, 0, false);
    }

    /** The encoder id for a model adapting the layers above {@code frozenLayers}. */
    public static String encoderId(int frozenLayers) {
        return MbertConfig.encoderId(frozenLayers, 0, false, 0);
    }

    /** The adapted layers, 1-based: frozenLayers + 1 .. depth. */
    public List<Integer> adaptedLayers() {
        return java.util.stream.IntStream.rangeClosed(frozenLayers + 1, depth()).boxed().toList();
    }
}

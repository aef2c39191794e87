package dev.stance.model.lora;

import dev.stance.encoder.MbertEncoder;
import dev.stance.model.mbert.MbertConfig;
import java.util.List;

/**
 * What the scorer needs to rebuild an mbert-lora model; stored as the manifest's {@code features}.
 *
 * @param encoder the frozen encoder's id: multilingual BERT cut after {@code frozenLayers}, statement only
 * @param batchSize encoder batch size at scoring time
 * @param frozenLayers layers run frozen by TensorFlow; the layers above (to 12) run adapted on PyTorch
 * @param rank adapter rank r
 * @param alpha adapter scale α (updates are scaled by α / r)
 * @param baseSha256 SHA-256 of each adapted layer's base weights ({@link dev.stance.encoder.BaseWeights}), in
 *                   layer order; checked at load
 */
public record LoraConfig(String encoder, int batchSize, int frozenLayers, int rank, double alpha,
                         List<String> baseSha256) {
    /** The frozen encoder's settings: statement only, cut after {@link #frozenLayers}. */
    public MbertConfig encoderConfig() {
        return new MbertConfig(encoderId(frozenLayers), 0, batchSize, false, frozenLayers, false, 0, false);
    }

    /** The encoder id for a model adapting the layers above {@code frozenLayers}. */
    public static String encoderId(int frozenLayers) {
        return MbertConfig.encoderId(frozenLayers, 0, false, 0);
    }

    /** The adapted layers, 1-based: frozenLayers + 1 .. 12. */
    public List<Integer> adaptedLayers() {
        return java.util.stream.IntStream.rangeClosed(frozenLayers + 1, MbertEncoder.LAYERS).boxed().toList();
    }
}

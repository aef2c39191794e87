package dev.stance.model.mbert;

/**
 * What the scorer needs to rebuild the inputs of a transformer-head model; stored as the manifest's
 * {@code features}.
 *
 * @param encoder the {@link dev.stance.encoder.TextEncoder#id()} the head was trained on
 * @param contextWeight weight of the context block (mbert-tribuo)
 * @param batchSize encoder batch size at scoring time
 * @param attention mbert-tribuo: add the attention-pooled statement vector ({@link dev.stance.encoder.Pooling#attentionStatement})
 * @param layers encoder depth: the output of this transformer layer is used (manifests written before the
 *               option existed have none and mean all 12)
 */
public record MbertConfig(String encoder, double contextWeight, int batchSize, boolean attention, int layers) {
    public MbertConfig {
        if (layers == 0) {
            layers = dev.stance.encoder.MbertEncoder.LAYERS;
        }
    }
}

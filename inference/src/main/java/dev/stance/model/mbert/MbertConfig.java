package dev.stance.model.mbert;

import dev.stance.encoder.MbertEncoder;
import dev.stance.encoder.SeparateContextEncoder;
import dev.stance.encoder.StatementOnlyEncoder;
import dev.stance.encoder.TextEncoder;

/**
 * What the scorer needs to rebuild the inputs of a transformer-head model; stored as the manifest's
 * {@code features}.
 *
 * @param encoder the {@link dev.stance.encoder.TextEncoder#id()} the head was trained on
 * @param contextWeight weight of the context block (mbert-tribuo); 0 means the context is never encoded
 * @param batchSize encoder batch size at scoring time
 * @param attention mbert-tribuo: add the attention-pooled statement vector ({@link dev.stance.encoder.Pooling#attentionStatement})
 * @param layers encoder depth: the output of this transformer layer is used (manifests written before the
 *               option existed have none and mean all 12)
 * @param separateContext encode statement and context as two single sentences ({@link SeparateContextEncoder})
 *                        rather than one pair
 * @param extraLayer a lower layer whose token vectors are appended to the last one's (0: none)
 * @param cls mbert-tribuo: the features include the [CLS] vector (manifests written before the option existed
 *            have none and mean true; see {@link EncoderFeatures})
 */
public record MbertConfig(String encoder, double contextWeight, int batchSize, boolean attention, int layers,
                          boolean separateContext, int extraLayer, Boolean cls) {
    public MbertConfig {
        if (layers == 0) {
            layers = MbertEncoder.LAYERS;
        }
        if (cls == null) {
            cls = true;
        }
    }

    /** The encoder id these settings produce (what {@link #encoder} must be). */
    public static String encoderId(int layers, int extraLayer, boolean separateContext, double contextWeight) {
        return MbertEncoder.id(layers, extraLayer) + (contextWeight == 0 ? StatementOnlyEncoder.ID_SUFFIX
                : separateContext ? SeparateContextEncoder.ID_SUFFIX : "");
    }

    /** How many layers each token vector concatenates. */
    public int parts() {
        return extraLayer == 0 ? 1 : 2;
    }

    /** Loads the encoder these settings describe; training and scoring both open it here. */
    public TextEncoder openEncoder() {
        TextEncoder e = MbertEncoder.load(batchSize, layers, extraLayer);
        if (contextWeight == 0) {
            return new StatementOnlyEncoder(e);
        }
        return separateContext ? new SeparateContextEncoder(e) : e;
    }
}

package dev.stance.model.mbert;

import dev.stance.encoder.Encoded;
import dev.stance.encoder.Pooling;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The fixed-size feature vector the mbert-tribuo family learns from: statement mean, context mean and [CLS]
 * vectors from {@link Pooling} (and, when enabled, the attention-pooled statement), each L2-normalised, the
 * context block scaled by a weight. Trainer and scorer both call {@link #of}.
 */
public final class EncoderFeatures {
    private static final ConcurrentMap<Integer, String[]> NAMES = new ConcurrentHashMap<>();

    private EncoderFeatures() {
    }

    /** The features a model with these encoder settings reads. */
    public static double[] of(Encoded e, MbertConfig c) {
        return of(e, c.contextWeight(), c.attention(), c.parts());
    }

    /**
     * Token vectors may concatenate {@code parts} layers: each layer's share of each pooled
     * vector is normalised on its own, so no layer dominates by scale.
     */
    public static double[] of(Encoded e, double contextWeight, boolean attention, int parts) {
        float[] pooled = Pooling.meanStatementContextCls(e);
        if (attention) {
            float[] att = Pooling.attentionStatement(e);
            float[] all = java.util.Arrays.copyOf(pooled, pooled.length + att.length);
            System.arraycopy(att, 0, all, pooled.length, att.length);
            pooled = all;
        }
        int d = e.dim() / parts;
        double[] out = new double[pooled.length];
        for (int block = 0; block < pooled.length / d; block++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += pooled[block * d + j] * (double) pooled[block * d + j];
            }
            // pooled vectors are statement, context, [CLS] (, attention), each `parts` blocks wide
            double scale = norm == 0 ? 0 : (block / parts == 1 ? contextWeight : 1.0) / Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                out[block * d + j] = pooled[block * d + j] * scale;
            }
        }
        return out;
    }

    /**
     * Tribuo feature names for a vector of {@code n} values: "e0000", "e0001", ... (sorted order = index order).
     * Built once per width: formatting thousands of names per statement cost more than the head itself.
     * Callers must not modify the returned array.
     */
    public static String[] names(int n) {
        return NAMES.computeIfAbsent(n, k -> {
            String[] names = new String[k];
            for (int i = 0; i < k; i++) {
                names[i] = String.format("e%04d", i);
            }
            return names;
        });
    }
}

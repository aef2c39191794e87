package dev.stance.model.mbert;

import dev.stance.encoder.Encoded;
import dev.stance.encoder.Pooling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The fixed-size feature vector the mbert-tribuo family learns from: statement mean, context mean and [CLS]
 * vectors from {@link Pooling} (and, when enabled, the attention-pooled statement), each L2-normalised, the
 * context block scaled by a weight. Trainer and scorer both call {@link #of}.
 *
 * <p>Without [CLS] ({@link MbertConfig#cls()} false) only the blocks that carry information are kept: the
 * statement mean, the context mean when its weight is above 0, the attention block when enabled. Frozen
 * multilingual BERT's [CLS] vector was pretrained for next-sentence prediction, not meaning; heads that read it
 * fit the written corpus as well and transferred worse to real statements.
 */
public final class EncoderFeatures {
    private static final ConcurrentMap<Integer, String[]> NAMES = new ConcurrentHashMap<>();

    private EncoderFeatures() {
    }

    /** The features a model with these encoder settings reads. */
    public static double[] of(Encoded e, MbertConfig c) {
        return of(e, c.contextWeight(), c.attention(), c.parts(), c.cls());
    }

    /**
     * Token vectors may concatenate {@code parts} layers: each layer's share of each pooled
     * vector is normalised on its own, so no layer dominates by scale.
     */
    public static double[] of(Encoded e, double contextWeight, boolean attention, int parts, boolean cls) {
        float[] pooled = Pooling.meanStatementContextCls(e);
        int dim = e.dim();
        // pooled vectors, each dim wide: statement, context, [CLS]; their weights in the same order
        List<float[]> vectors = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        vectors.add(Arrays.copyOfRange(pooled, 0, dim));
        weights.add(1.0);
        if (cls || contextWeight > 0) {
            vectors.add(Arrays.copyOfRange(pooled, dim, 2 * dim));
            weights.add(contextWeight);
        }
        if (cls) {
            vectors.add(Arrays.copyOfRange(pooled, 2 * dim, 3 * dim));
            weights.add(1.0);
        }
        if (attention) {
            vectors.add(Pooling.attentionStatement(e));
            weights.add(1.0);
        }
        int d = dim / parts;
        double[] out = new double[vectors.size() * dim];
        for (int v = 0; v < vectors.size(); v++) {
            float[] x = vectors.get(v);
            for (int part = 0; part < parts; part++) {
                double norm = 0;
                for (int j = part * d; j < (part + 1) * d; j++) {
                    norm += x[j] * (double) x[j];
                }
                double scale = norm == 0 ? 0 : weights.get(v) / Math.sqrt(norm);
                for (int j = part * d; j < (part + 1) * d; j++) {
                    out[v * dim + j] = x[j] * scale;
                }
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

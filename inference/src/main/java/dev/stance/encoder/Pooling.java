package dev.stance.encoder;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fixed-size vectors from token vectors, computed with ND4J: the mean over the statement's word pieces, the
 * mean over the context's, the [CLS] vector, and an attention-weighted mean of the statement's word pieces.
 * Special tokens ([CLS], [SEP]) are left out of the means.
 */
public final class Pooling {
    private Pooling() {
    }

    /** Statement mean, context mean (zeros when there is no context) and [CLS], concatenated: 3 × dim. */
    public static float[] meanStatementContextCls(Encoded e) {
        int d = e.dim();
        float[] stmtMask = new float[e.tokens()];
        float[] ctxMask = new float[e.tokens()];
        int lastA = -1;
        int lastB = -1;
        for (int t = 0; t < e.tokens(); t++) {
            if (e.segments()[t] == 0) {
                lastA = t;
            } else {
                lastB = t;
            }
        }
        // Segment A is [CLS] w1..wn [SEP]; segment B is w1..wm [SEP].
        for (int t = 1; t < lastA; t++) {
            stmtMask[t] = 1;
        }
        for (int t = lastA + 1; t < lastB; t++) {
            ctxMask[t] = 1;
        }
        try (INDArray seq = Nd4j.create(e.sequence(), new long[] {e.tokens(), d}, DataType.FLOAT)) {
            float[] out = new float[3 * d];
            mean(seq, stmtMask, out, 0);
            mean(seq, ctxMask, out, d);
            System.arraycopy(e.sequence(), 0, out, 2 * d, d);
            return out;
        }
    }

    /**
     * Attention pooling without parameters: each statement word piece is weighted by softmax(h·q / √d), the
     * query q being the statement mean, so pieces that agree with the sentence's overall direction count more
     * than function words and punctuation. Zeros when the statement has no word pieces.
     */
    public static float[] attentionStatement(Encoded e) {
        int d = e.dim();
        int[] range = statementRange(e);
        int n = range[1] - range[0];
        float[] out = new float[d];
        if (n <= 0) {
            return out;
        }
        try (INDArray seq = Nd4j.create(e.sequence(), new long[] {e.tokens(), d}, DataType.FLOAT);
             INDArray stmt = seq.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(range[0], range[1]),
                     org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
             INDArray q = stmt.mean(0).reshape(d, 1);
             INDArray scores = stmt.mmul(q).divi(Math.sqrt(d)).reshape(1, n)) {
            double max = scores.maxNumber().doubleValue();
            try (INDArray w = org.nd4j.linalg.ops.transforms.Transforms.exp(scores.subi(max), false)) {
                w.divi(w.sumNumber());
                try (INDArray pooled = w.mmul(stmt)) {
                    return pooled.toFloatVector();
                }
            }
        }
    }

    /** [first, end) of the statement's word pieces: after [CLS], before segment A's [SEP]. */
    static int[] statementRange(Encoded e) {
        int lastA = 0;
        for (int t = 0; t < e.tokens(); t++) {
            if (e.segments()[t] == 0) {
                lastA = t;
            }
        }
        return new int[] {1, lastA};
    }

    private static void mean(INDArray seq, float[] mask, float[] out, int offset) {
        float n = 0;
        for (float m : mask) {
            n += m;
        }
        if (n == 0) {
            return;
        }
        try (INDArray w = Nd4j.create(mask, new long[] {1, mask.length}, DataType.FLOAT);
             INDArray m = w.mmul(seq).divi(n)) {
            float[] v = m.toFloatVector();
            System.arraycopy(v, 0, out, offset, v.length);
        }
    }
}

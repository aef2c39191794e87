package dev.stance.model.mbert;

import dev.stance.encoder.Encoded;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Packs encoder outputs into the DL4J head's input: token vectors as {@code [batch, dim, time]} (DL4J's
 * recurrent NCW layout), padded to the longest member, and a {@code [batch, time]} mask with 1 for real
 * tokens. Training and scoring build batches only here.
 */
public final class SequenceBatch {
    private SequenceBatch() {
    }

    /** {features, mask} for a batch. */
    public static INDArray[] of(List<Encoded> batch) {
        int b = batch.size();
        int d = batch.get(0).dim();
        int t = batch.stream().mapToInt(Encoded::tokens).max().orElse(1);
        float[] x = new float[b * d * t];
        float[] mask = new float[b * t];
        for (int i = 0; i < b; i++) {
            Encoded e = batch.get(i);
            for (int tok = 0; tok < e.tokens(); tok++) {
                mask[i * t + tok] = 1;
                for (int j = 0; j < d; j++) {
                    x[(i * d + j) * t + tok] = e.get(tok, j);
                }
            }
        }
        return new INDArray[] {
            Nd4j.create(x, new long[] {b, d, t}, 'c').castTo(DataType.FLOAT),
            Nd4j.create(mask, new long[] {b, t}, 'c').castTo(DataType.FLOAT)
        };
    }
}

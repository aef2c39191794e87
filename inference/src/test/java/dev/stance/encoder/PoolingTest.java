package dev.stance.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PoolingTest {
    /** [CLS] a b [SEP] c [SEP] with 2-wide vectors. */
    private static Encoded pair() {
        float[] seq = {
            9, 9,   // [CLS]
            1, 0,   // a
            0, 1,   // b
            7, 7,   // [SEP]
            2, 2,   // c (context)
            5, 5};  // [SEP]
        return new Encoded(6, 2, seq, new int[] {0, 0, 0, 0, 1, 1});
    }

    @Test
    void meansSkipSpecialTokensAndKeepSegmentsApart() {
        float[] p = Pooling.meanStatementContextCls(pair());
        assertArrayEquals(new float[] {0.5f, 0.5f, 2, 2, 9, 9}, p, 1e-6f);
    }

    @Test
    void attentionWeightsTokensBySoftmaxOfTheirAgreementWithTheMean() {
        // q = (0.5, 0.5); scores a·q/√2 = b·q/√2 = 0.5/√2, so equal weights: result = mean.
        assertArrayEquals(new float[] {0.5f, 0.5f}, Pooling.attentionStatement(pair()), 1e-6f);
        // Tokens (2,0) and (0,0): q = (1,0); scores 2/√2 and 0; weights softmax(√2, 0).
        Encoded skew = new Encoded(4, 2, new float[] {9, 9, 2, 0, 0, 0, 7, 7}, new int[] {0, 0, 0, 0});
        double w = Math.exp(Math.sqrt(2)) / (Math.exp(Math.sqrt(2)) + 1);
        float[] a = Pooling.attentionStatement(skew);
        assertEquals(2 * w, a[0], 1e-5);
        assertEquals(0.0, a[1], 1e-6);
    }

    @Test
    void anEmptyStatementPoolsToZeros() {
        Encoded empty = new Encoded(2, 2, new float[] {9, 9, 7, 7}, new int[] {0, 0});
        assertArrayEquals(new float[] {0, 0}, Pooling.attentionStatement(empty), 0f);
    }
}

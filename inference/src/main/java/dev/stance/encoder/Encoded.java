package dev.stance.encoder;

/**
 * The encoder's output for one statement: one vector per real token (padding removed), row-major
 * {@code tokens × dim}, and the segment of each token (0 statement, 1 context). BERT's own pooled output is not
 * kept: it is trained for next-sentence prediction, and heads pool the token vectors themselves ({@link Pooling}).
 */
public record Encoded(int tokens, int dim, float[] sequence, int[] segments) {
    public float get(int token, int j) {
        return sequence[token * dim + j];
    }

    /**
     * Rounds to the nearest bfloat16 (8-bit mantissa). Encoders round their token vectors with this before
     * anyone sees them, so vectors from the embedding cache and from a live encoder are bit-identical.
     */
    public static float bf16(float v) {
        int bits = Float.floatToIntBits(v);
        if (Float.isNaN(v)) {
            return v;
        }
        int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
        return Float.intBitsToFloat(rounded & 0xFFFF0000);
    }
}

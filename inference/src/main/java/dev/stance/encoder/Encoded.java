package dev.stance.encoder;

/**
 * The encoder's output for one statement: one vector per real token (padding removed), row-major
 * {@code tokens × dim}, and the segment of each token (0 statement, 1 context). BERT's own pooled output is not
 * kept: it is trained for next-sentence prediction, and heads pool the token vectors themselves ({@link Pooling}).
 */
public record Encoded(int tokens, int dim, float[] sequence, int[] segments) {
    /**
     * Indices of {@code encoded} sorted by token count and cut into runs of at most {@code size}: batches whose
     * members need little padding. Heads that pad a batch to its longest member iterate these.
     */
    public static java.util.List<java.util.List<Integer>> lengthSortedBatches(java.util.List<Encoded> encoded, int size) {
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < encoded.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingInt(i -> encoded.get(i).tokens()));
        java.util.List<java.util.List<Integer>> out = new java.util.ArrayList<>();
        for (int from = 0; from < order.size(); from += size) {
            out.add(order.subList(from, Math.min(order.size(), from + size)));
        }
        return out;
    }

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

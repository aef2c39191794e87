package dev.stance.features;

/** Sparse features of one statement: names sorted and unique, values aligned with names. */
public record FeatureVector(String[] names, double[] values) {
    public int size() {
        return names.length;
    }
}

package dev.stance.features;

import java.util.List;

/**
 * Everything that decides how text becomes n-gram features. Stored verbatim in the manifest, so the scorer
 * rebuilds the exact featurizer the model was trained with.
 *
 * @param normalizer named normalisation steps, applied in order
 * @param wordNgramMax longest word n-gram (1 = unigrams only); 0 disables word features
 * @param charNgramMin shortest character n-gram
 * @param charNgramMax longest character n-gram; 0 disables character features
 * @param contextWeight weight of the context sentence's word unigrams relative to the statement (0 = ignore context)
 */
public record FeatureConfig(List<String> normalizer, int wordNgramMax, int charNgramMin, int charNgramMax,
                            double contextWeight) {

    public FeatureConfig {
        normalizer = List.copyOf(normalizer);
        if (wordNgramMax < 0 || charNgramMax < 0 || (charNgramMax > 0 && charNgramMin < 1)
                || charNgramMin > charNgramMax && charNgramMax > 0) {
            throw new IllegalArgumentException("invalid n-gram ranges: word<=" + wordNgramMax + ", char "
                    + charNgramMin + ".." + charNgramMax);
        }
        if (contextWeight < 0) {
            throw new IllegalArgumentException("contextWeight must be >= 0");
        }
    }

    /** The configuration the shipped fast model uses. */
    public static FeatureConfig defaults() {
        return new FeatureConfig(List.of("nfkc", "quotes", "dashes", "lowercase", "digits", "whitespace"),
                2, 2, 5, 0.5);
    }
}

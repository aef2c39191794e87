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

    /** @throws IllegalArgumentException naming the key (as in a config file) and what it allows */
    public FeatureConfig {
        if (normalizer == null) {
            throw new IllegalArgumentException("'normalizer' is missing; allowed: a list of " + TextNormalizer.KNOWN_STEPS);
        }
        for (String step : normalizer) {
            if (step == null || !TextNormalizer.KNOWN_STEPS.contains(step)) {
                throw new IllegalArgumentException("'normalizer' has unknown step '" + step + "'; allowed: "
                        + TextNormalizer.KNOWN_STEPS);
            }
        }
        normalizer = List.copyOf(normalizer);
        if (wordNgramMax < 0) {
            throw new IllegalArgumentException("'word_ngram_max' is " + wordNgramMax + "; allowed: an integer >= 0"
                    + " (0 disables word n-grams)");
        }
        if (charNgramMax < 0) {
            throw new IllegalArgumentException("'char_ngram_max' is " + charNgramMax + "; allowed: an integer >= 0"
                    + " (0 disables character n-grams)");
        }
        if (charNgramMax > 0 && (charNgramMin < 1 || charNgramMin > charNgramMax)) {
            throw new IllegalArgumentException("'char_ngram_min' is " + charNgramMin + "; allowed: an integer from 1"
                    + " to 'char_ngram_max' (" + charNgramMax + ")");
        }
        if (!(contextWeight >= 0)) {
            throw new IllegalArgumentException("'context_weight' is " + contextWeight + "; allowed: a number >= 0");
        }
    }

    /** The configuration the shipped fast model uses. */
    public static FeatureConfig defaults() {
        return new FeatureConfig(List.of("nfkc", "quotes", "dashes", "lowercase", "digits", "whitespace"),
                2, 2, 5, 0.5);
    }
}

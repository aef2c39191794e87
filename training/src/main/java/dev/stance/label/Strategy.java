package dev.stance.label;

import java.util.Locale;

/** How {@link Selector} ranks candidates. Every strategy but {@link #RANDOM} applies the same spread rules. */
public enum Strategy {
    /** Highest mean normalised entropy over both tasks first. */
    UNCERTAINTY,
    /** Smallest mean gap between the two most probable labels first. */
    MARGIN,
    /**
     * Entropy ranking, plus one pick per similarity cluster before a second: k-center greedy over sentence
     * vectors when the model has an encoder, MinHash buckets of the words otherwise.
     */
    DIVERSE,
    /**
     * Entropy times {@link Density} (how typical the statement is of the pool in its language), so uncertain but
     * representative statements come first; MinHash buckets as for {@link #DIVERSE}; and within each spread round,
     * statements whose predicted labels (per task) have fewer than ⌈n / number of labels⌉ picks go first, so the
     * labels the model rarely predicts get a share.
     */
    DENSITY,
    /** Uniform random picks (a control for measuring the others); no spread rules. */
    RANDOM;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code uncertainty}, {@code margin}, {@code diverse}, {@code density} or {@code random}. */
    public static Strategy fromKey(String key) {
        for (Strategy s : values()) {
            if (s.key().equals(key.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + key + "' (expected uncertainty, margin, diverse, density or random)");
    }
}

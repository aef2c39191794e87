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
    /** Uniform random picks (a control for measuring the others); no spread rules. */
    RANDOM;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code uncertainty}, {@code margin}, {@code diverse} or {@code random}. */
    public static Strategy fromKey(String key) {
        for (Strategy s : values()) {
            if (s.key().equals(key.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + key + "' (expected uncertainty, margin, diverse or random)");
    }
}

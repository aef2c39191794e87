package dev.stance.train;

import java.util.List;
import java.util.Locale;

/**
 * The values one numeric hyperparameter accepts. The same rule checks a config file (before anything is bound,
 * so the message can name the file) and a value set in code or by a command-line override, and the message
 * that rejects a value always names the key and this range.
 *
 * @param key the snake_case config key, dotted for a nested one ({@code features.char_ngram_min})
 * @param integer whether only whole numbers are allowed
 * @param min the smallest allowed value
 * @param minExclusive whether {@code min} itself is excluded
 * @param max the largest allowed value
 * @param maxExclusive whether {@code max} itself is excluded
 * @param zero when not null, 0 is allowed too, meaning this (e.g. "no cross-validation")
 */
record Allowed(String key, boolean integer, double min, boolean minExclusive, double max, boolean maxExclusive,
               String zero) {

    /** An integer in {@code [min, max]}. */
    static Allowed integer(String key, long min, long max) {
        return new Allowed(key, true, min, false, max, false, null);
    }

    /** An integer {@code >= min} (that fits a Java int). */
    static Allowed integer(String key, long min) {
        return integer(key, min, Integer.MAX_VALUE);
    }

    /** A number {@code > 0}. */
    static Allowed positive(String key) {
        return new Allowed(key, false, 0, true, Double.MAX_VALUE, false, null);
    }

    /** A number {@code >= 0}. */
    static Allowed nonNegative(String key) {
        return new Allowed(key, false, 0, false, Double.MAX_VALUE, false, null);
    }

    /** A number in {@code [min, max)}. */
    static Allowed below(String key, double min, double max) {
        return new Allowed(key, false, min, false, max, true, null);
    }

    /** The same rule, also allowing 0 with the given meaning. */
    Allowed orZero(String meaning) {
        return new Allowed(key, integer, min, minExclusive, max, maxExclusive, meaning);
    }

    /** Whether {@code value} is allowed. */
    boolean accepts(double value) {
        if (zero != null && value == 0) {
            return true;
        }
        if (integer && value != Math.rint(value)) {
            return false;
        }
        boolean aboveMin = minExclusive ? value > min : value >= min;
        boolean belowMax = maxExclusive ? value < max : value <= max;
        return aboveMin && belowMax;
    }

    /** Throws {@link IllegalArgumentException} naming the key, the value and the range unless it is allowed. */
    void check(double value) {
        if (!accepts(value)) {
            throw new IllegalArgumentException("'" + key + "' is " + format(value) + "; allowed: " + describe());
        }
    }

    /** The range in words, e.g. "an integer >= 1", "a number from 0 to 1 (1 excluded)". */
    String describe() {
        String kind = integer ? "an integer" : "a number";
        String range;
        if (max == Double.MAX_VALUE) {
            range = kind + (minExclusive ? " > " : " >= ") + format(min);
        } else {
            String excluded = minExclusive && maxExclusive ? " (both excluded)"
                    : minExclusive ? " (" + format(min) + " excluded)"
                    : maxExclusive ? " (" + format(max) + " excluded)" : "";
            range = kind + " from " + format(min) + " to " + format(max) + excluded;
        }
        return zero != null ? "0 (" + zero + ") or " + range : range;
    }

    /** The rule for {@code key} in {@code rules}. */
    static Allowed find(List<Allowed> rules, String key) {
        for (Allowed a : rules) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalStateException("no rule for '" + key + "'");
    }

    /** Checks {@code value} against the rule for {@code key} in {@code rules}. */
    static void check(List<Allowed> rules, String key, double value) {
        find(rules, key).check(value);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}

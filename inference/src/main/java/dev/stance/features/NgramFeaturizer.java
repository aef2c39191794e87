package dev.stance.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Word and character n-gram features over a statement and its context sentence.
 *
 * <p>Character n-grams carry most of the signal across Norwegian, English and German: they match inflected
 * and compound forms ("forhandlingene", "Verhandlungsbereitschaft") that word features miss. Each block
 * (words, characters, context) is sublinearly weighted and L2-normalised on its own, so long statements do not
 * dominate and the context can be down-weighted as one unit. Every vector also has a bias feature, so a text
 * made only of unseen n-grams still has one feature the model knows.
 *
 * <p>This is the single featurization code path: trainers and the scorer both call it.
 */
public final class NgramFeaturizer {
    public static final String BIAS = "bias";

    private final FeatureConfig config;
    private final TextNormalizer normalizer;

    public NgramFeaturizer(FeatureConfig config) {
        this.config = config;
        this.normalizer = new TextNormalizer(config.normalizer());
    }

    public FeatureConfig config() {
        return config;
    }

    /** Receives each feature once: its name and value. */
    @FunctionalInterface
    public interface FeatureSink {
        void accept(String name, double value);
    }

    /** Features as a sorted vector (for Tribuo training and for inspection). */
    public FeatureVector featurize(String text, String context) {
        TreeMap<String, Double> features = new TreeMap<>();
        visit(text, context, features::put);
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : features.entrySet()) {
            names[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new FeatureVector(names, values);
    }

    /**
     * Emits every feature of a statement to {@code sink}, each name exactly once. {@link #featurize} and
     * {@link #visitHashed} both go through the same n-gram walk, so names, counts and values are identical.
     */
    public void visit(String text, String context, FeatureSink sink) {
        walk(text, context, new NamedCounts(sink));
    }

    /**
     * The scorer's path: the same features as {@link #visit(String, String, FeatureSink)}, each handed to
     * {@code counts}' sink as the {@link FeatureHash} of its name, without building the name.
     */
    public void visitHashed(String text, String context, HashedGramCounts counts) {
        walk(text, context, counts);
    }

    /**
     * The feature definition. Every n-gram is a char range: word n-grams over the tokens joined by single
     * spaces, character n-grams over " " + normalised text + " ". N-grams are walked start by start, shortest
     * first, so each one extends the previous (which lets hashing continue instead of restarting).
     */
    private void walk(String text, String context, GramCounts counts) {
        String t = normalizer.apply(text);
        if (config.wordNgramMax() > 0) {
            counts.startBlock("w:");
            wordNgrams(tokens(t), config.wordNgramMax(), counts);
            emitBlock(counts, 1.0);
        }
        if (config.charNgramMax() > 0) {
            counts.startBlock("ch:");
            charNgrams(t, counts);
            emitBlock(counts, 1.0);
        }
        if (config.contextWeight() > 0 && context != null && !context.isBlank()) {
            counts.startBlock("c:");
            wordNgrams(tokens(normalizer.apply(context)), 1, counts);
            emitBlock(counts, config.contextWeight());
        }
        counts.emitSingle(BIAS, 1.0);
    }

    /** Tokens laid out in one array, separated by single spaces; token i is {@code chars[start[i], end[i])}. */
    private record Tokens(char[] chars, int[] start, int[] end, int count) {
    }

    private static Tokens tokens(String normalized) {
        // Letters and digits form words; punctuation other than quotes is dropped. Quote marks stay as
        // their own token because "direct quote or not" matters for attribution style.
        int len = normalized.length();
        char[] chars = new char[2 * len];
        int[] start = new int[len];
        int[] end = new int[len];
        int n = 0;
        int pos = 0;
        boolean inWord = false;
        for (int i = 0; i < len; i++) {
            char c = normalized.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    pos = openToken(chars, start, n, pos);
                    inWord = true;
                }
                chars[pos++] = c;
                continue;
            }
            if (inWord) {
                end[n++] = pos;
                inWord = false;
            }
            if (c == '"' || c == '?' || c == '!') {
                pos = openToken(chars, start, n, pos);
                chars[pos++] = c;
                end[n++] = pos;
            }
        }
        if (inWord) {
            end[n++] = pos;
        }
        return new Tokens(chars, start, end, n);
    }

    private static int openToken(char[] chars, int[] start, int n, int pos) {
        if (n > 0) {
            chars[pos++] = ' ';
        }
        start[n] = pos;
        return pos;
    }

    private static void wordNgrams(Tokens tokens, int maxN, GramCounts counts) {
        for (int i = 0; i < tokens.count(); i++) {
            for (int n = 1; n <= maxN && i + n <= tokens.count(); n++) {
                counts.add(tokens.chars(), tokens.start()[i], tokens.end()[i + n - 1]);
            }
        }
    }

    private void charNgrams(String normalized, GramCounts counts) {
        int len = normalized.length() + 2;
        char[] padded = new char[len];
        padded[0] = ' ';
        normalized.getChars(0, normalized.length(), padded, 1);
        padded[len - 1] = ' ';
        int min = config.charNgramMin();
        int max = config.charNgramMax();
        for (int i = 0; i + min <= len; i++) {
            for (int n = min; n <= max && i + n <= len; n++) {
                counts.add(padded, i, i + n);
            }
        }
    }

    /** Sublinear term frequency, then the block L2-normalised and scaled by {@code weight}. */
    private static void emitBlock(GramCounts counts, double weight) {
        int size = counts.size();
        if (size == 0) {
            return;
        }
        double norm = 0;
        for (int e = 0; e < size; e++) {
            double v = tf(counts.count(e));
            norm += v * v;
        }
        double scale = weight / Math.sqrt(norm);
        for (int e = 0; e < size; e++) {
            counts.emit(e, tf(counts.count(e)) * scale);
        }
    }

    private static double tf(int count) {
        return count == 1 ? 1.0 : 1 + Math.log(count);
    }

    /** Keys n-grams by name, for training and inspection. */
    private static final class NamedCounts extends GramCounts {
        private final FeatureSink sink;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private String prefix;

        NamedCounts(FeatureSink sink) {
            this.sink = sink;
        }

        @Override
        void clearKeys(String prefix) {
            this.prefix = prefix;
            index.clear();
            names.clear();
        }

        @Override
        int entryOf(char[] chars, int from, int to, int next) {
            String name = prefix.concat(new String(chars, from, to - from));
            Integer seen = index.putIfAbsent(name, next);
            if (seen != null) {
                return seen;
            }
            names.add(name);
            return next;
        }

        @Override
        void emit(int entry, double value) {
            sink.accept(names.get(entry), value);
        }

        @Override
        void emitSingle(String name, double value) {
            sink.accept(name, value);
        }
    }
}

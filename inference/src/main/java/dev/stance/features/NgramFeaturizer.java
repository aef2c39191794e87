package dev.stance.features;

import java.util.HashMap;
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
     * Emits every feature of a statement to {@code sink}, each name exactly once. {@link #featurize} and the
     * scorer's fast path both go through here, so their values are identical by construction.
     */
    public void visit(String text, String context, FeatureSink sink) {
        String t = normalizer.apply(text);
        String[] words = words(t);
        if (config.wordNgramMax() > 0) {
            emitBlock(sink, wordNgrams(words, config.wordNgramMax(), "w:"), 1.0);
        }
        if (config.charNgramMax() > 0) {
            emitBlock(sink, charNgrams(t), 1.0);
        }
        if (config.contextWeight() > 0 && context != null && !context.isBlank()) {
            emitBlock(sink, wordNgrams(words(normalizer.apply(context)), 1, "c:"), config.contextWeight());
        }
        sink.accept(BIAS, 1.0);
    }

    private static String[] words(String normalized) {
        // Letters and digits form words; punctuation other than quotes is dropped. Quote marks stay as
        // their own token because "direct quote or not" matters for attribution style.
        StringBuilder sb = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else if (c == '"' || c == '?' || c == '!') {
                sb.append(' ').append(c).append(' ');
            } else {
                sb.append(' ');
            }
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? new String[0] : s.split(" +");
    }

    private static Map<String, Integer> wordNgrams(String[] words, int maxN, String prefix) {
        Map<String, Integer> counts = new HashMap<>();
        for (int n = 1; n <= maxN; n++) {
            for (int i = 0; i + n <= words.length; i++) {
                StringBuilder sb = new StringBuilder(prefix);
                for (int j = i; j < i + n; j++) {
                    if (j > i) {
                        sb.append(' ');
                    }
                    sb.append(words[j]);
                }
                counts.merge(sb.toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private Map<String, Integer> charNgrams(String normalized) {
        String padded = " " + normalized + " ";
        Map<String, Integer> counts = new HashMap<>(padded.length() * 8);
        for (int n = config.charNgramMin(); n <= config.charNgramMax(); n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                counts.merge("ch:".concat(padded.substring(i, i + n)), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void emitBlock(FeatureSink sink, Map<String, Integer> counts, double weight) {
        if (counts.isEmpty()) {
            return;
        }
        double norm = 0;
        for (int c : counts.values()) {
            double v = c == 1 ? 1.0 : 1 + Math.log(c);
            norm += v * v;
        }
        double scale = weight / Math.sqrt(norm);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int c = e.getValue();
            sink.accept(e.getKey(), (c == 1 ? 1.0 : 1 + Math.log(c)) * scale);
        }
    }
}

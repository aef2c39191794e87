package dev.stance.label;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * MinHash buckets: texts whose sets of longer words overlap much tend to share a bucket. Two texts with word-set
 * Jaccard J fall into the same bucket with probability J², so a bucket is a cheap stand-in for a topic
 * cluster when there are no sentence vectors (the n-gram family).
 */
public final class MinHash {
    /** Hash functions whose minima form the bucket key. */
    static final int FUNCTIONS = 2;
    /** Shorter words are mostly function words in all four languages. */
    static final int MIN_WORD = 5;

    private MinHash() {
    }

    /** The bucket key of every text, from hash functions drawn with {@code seed}. */
    public static String[] buckets(List<String> texts, long seed) {
        Random r = new Random(seed);
        long[] a = new long[FUNCTIONS];
        long[] b = new long[FUNCTIONS];
        for (int f = 0; f < FUNCTIONS; f++) {
            a[f] = r.nextLong() | 1;
            b[f] = r.nextLong();
        }
        String[] out = new String[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            Set<String> words = words(texts.get(i));
            StringBuilder key = new StringBuilder();
            for (int f = 0; f < FUNCTIONS; f++) {
                long min = Long.MAX_VALUE;
                for (String w : words) {
                    min = Math.min(min, mix(w.hashCode() * a[f] + b[f]));
                }
                key.append(f == 0 ? "" : "-").append(Long.toHexString(min));
            }
            out[i] = words.isEmpty() ? "empty" : key.toString();
        }
        return out;
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (w.codePointCount(0, w.length()) >= MIN_WORD) {
                out.add(w);
            }
        }
        return out;
    }

    /** A 64-bit finaliser (from SplitMix64), so nearby inputs get unrelated hashes. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}

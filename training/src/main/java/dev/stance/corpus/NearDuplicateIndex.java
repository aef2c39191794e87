package dev.stance.corpus;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntRBTreeSet;
import it.unimi.dsi.fastutil.ints.IntSortedSet;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Finds near-duplicate texts among many without comparing all pairs: MinHash signatures of each text's word
 * shingles, banded into a locality-sensitive hash table (LSH), so only texts that agree on a whole band are
 * compared, and those candidates by their exact shingle Jaccard.
 *
 * <p>Shingles are word trigrams of the normalised text (its words when it has fewer than three). Parameters:
 * {@value #BANDS} bands of {@value #ROWS} MinHash values each. Two texts of Jaccard similarity J share at least
 * one band with probability 1 - (1 - J^{@value #ROWS})^{@value #BANDS}: 99.99 % at J = 0.6 (the validator's
 * threshold), 85 % at 0.3, 18 % at 0.1; candidates below the threshold are dropped after the exact check, so
 * the bands trade recall against comparisons, never precision. The hashes are fixed, so results are
 * deterministic.
 *
 * <p>Memory per text: its sorted 64-bit shingle hashes (for the exact check) and one table entry (about 14
 * bytes) per band; nothing else is kept.
 */
public final class NearDuplicateIndex {
    /** Bands of the LSH table. */
    static final int BANDS = 20;
    /** MinHash values per band. */
    static final int ROWS = 2;

    private static final long[] SEEDS = seeds(BANDS * ROWS);

    private final double threshold;
    private final int groupCount;
    /**
     * Per band, the newest entry (index + 1) of each bucket (band value and group); 0 = empty. Keyed by a 32-bit
     * hash of the bucket, which halves the table: two buckets that share a key only add candidates, and every
     * candidate is checked by its exact Jaccard. One table per band keeps each table's regrowth (which briefly
     * holds the old and the new arrays) a twentieth of the whole.
     */
    private final Int2IntOpenHashMap[] heads = new Int2IntOpenHashMap[BANDS];
    /** Per entry and band, the previous entry (index + 1) of the same bucket: a chain through each bucket. */
    private final IntArrayList next = new IntArrayList();
    private final List<long[]> shingles = new ArrayList<>();
    private final IntArrayList records = new IntArrayList();

    /** A text found similar to the one added. */
    record Match(int record, double jaccard) {
    }

    /**
     * @param threshold shingle Jaccard at or above which two texts are near-duplicates
     * @param groupCount texts belong to groups 0 .. groupCount - 1
     */
    NearDuplicateIndex(double threshold, int groupCount) {
        this.threshold = threshold;
        this.groupCount = groupCount;
        for (int b = 0; b < BANDS; b++) {
            heads[b] = new Int2IntOpenHashMap();
        }
    }

    /**
     * Adds a text and returns the earlier texts of another group (split) whose shingle Jaccard with it is at least
     * the threshold, in the order they were added.
     *
     * @param normalized the text, lower-cased with everything but letters and digits as single spaces
     * @param group in 0 .. groupCount - 1; texts of the same group are never compared, and since buckets are
     *              kept per group, a crowd of similar texts within one group costs nothing
     * @param record the caller's id of this text, returned in later matches
     */
    List<Match> addAndFind(String normalized, int group, int record) {
        long[] sh = shingleHashes(normalized);
        long[] bands = bands(sh);
        IntSortedSet candidates = new IntRBTreeSet();
        int entry = shingles.size();
        for (int b = 0; b < BANDS; b++) {
            for (int g = 0; g < groupCount; g++) {
                if (g != group) {
                    for (int p = heads[b].get(bucket(bands[b], g)); p != 0; p = next.getInt((p - 1) * BANDS + b)) {
                        candidates.add(p - 1);
                    }
                }
            }
            next.add(heads[b].put(bucket(bands[b], group), entry + 1));
        }
        shingles.add(sh);
        records.add(record);
        List<Match> out = new ArrayList<>();
        for (int c : candidates) {
            double j = jaccard(shingles.get(c), sh);
            if (j >= threshold) {
                out.add(new Match(records.getInt(c), j));
            }
        }
        return out;
    }

    /**
     * Sorted distinct 64-bit hashes of the word trigrams (words, for fewer than three) of a normalised text.
     *
     * @param normalized the text as {@link CorpusValidator#normalize} returns it
     */
    public static long[] shingleHashes(String normalized) {
        String[] w = normalized.split(" ");
        LongOpenHashSet set = new LongOpenHashSet();
        if (w.length < 3) {
            for (String s : w) {
                set.add(hash(s));
            }
        } else {
            for (int i = 0; i + 3 <= w.length; i++) {
                set.add(hash(w[i] + " " + w[i + 1] + " " + w[i + 2]));
            }
        }
        long[] out = set.toLongArray();
        Arrays.sort(out);
        return out;
    }

    /** |a ∩ b| / |a ∪ b| of two sorted distinct arrays (from {@link #shingleHashes}). */
    public static double jaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) shared / (a.length + b.length - shared);
    }

    private static long[] bands(long[] shingles) {
        long[] min = new long[SEEDS.length];
        Arrays.fill(min, Long.MAX_VALUE);
        for (long s : shingles) {
            for (int k = 0; k < min.length; k++) {
                long h = mix(s ^ SEEDS[k]);
                if (h < min[k]) {
                    min[k] = h;
                }
            }
        }
        long[] out = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long key = mix(b + 1);
            for (int r = 0; r < ROWS; r++) {
                key = mix(key ^ min[b * ROWS + r]);
            }
            out[b] = key;
        }
        return out;
    }

    private static int bucket(long band, int group) {
        return (int) mix(band ^ (group + 1) * 0x9E3779B97F4A7C15L);
    }

    private static long hash(String s) {
        return MurmurHash3.hash128x64(s.getBytes(StandardCharsets.UTF_8))[0];
    }

    /** MurmurHash3's 64-bit finaliser: with a different seed XORed in, one independent hash per MinHash row. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long[] seeds(int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = mix(0x9E3779B97F4A7C15L * (i + 1));
        }
        return s;
    }
}

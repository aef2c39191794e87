package dev.stance.features;

import java.util.Arrays;

/**
 * One block's n-gram counts in first-seen order. {@link NgramFeaturizer} walks a statement's n-grams into it as
 * char ranges and turns the counts into values; a subclass only decides what an n-gram is keyed by (its name or
 * its hash) and where the valued features go.
 */
abstract class GramCounts {
    private int[] counts = new int[256];
    private int size;

    /** Forgets the previous block; the names of the next one all start with {@code prefix}. */
    final void startBlock(String prefix) {
        clearKeys(prefix);
        size = 0;
    }

    /** Counts one occurrence of the n-gram {@code chars[from, to)}. */
    final void add(char[] chars, int from, int to) {
        int entry = entryOf(chars, from, to, size);
        if (entry == size) {
            if (size == counts.length) {
                counts = Arrays.copyOf(counts, size * 2);
            }
            counts[size++] = 1;
        } else {
            counts[entry]++;
        }
    }

    final int size() {
        return size;
    }

    final int count(int entry) {
        return counts[entry];
    }

    /** Drops the keys of the previous block ({@link #size} still tells how many there were). */
    abstract void clearKeys(String prefix);

    /** The entry of an n-gram already seen in this block, or else {@code next} after recording it as that entry. */
    abstract int entryOf(char[] chars, int from, int to, int next);

    /** Hands on entry {@code entry} of the current block with its final value. */
    abstract void emit(int entry, double value);

    /** Hands on a feature outside any block (the bias). */
    abstract void emitSingle(String name, double value);
}

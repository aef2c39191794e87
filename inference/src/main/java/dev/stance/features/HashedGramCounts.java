package dev.stance.features;

import java.util.Arrays;

/**
 * Counts n-grams by the {@link FeatureHash} of their would-be name, so scoring a statement builds no String per
 * n-gram. The hash of an n-gram that extends the previous one (same start, longer end: how the featurizer walks
 * both character and word n-grams) continues from the previous state instead of starting over. Not thread-safe:
 * one per thread, reused from statement to statement.
 */
public final class HashedGramCounts extends GramCounts {
    /** Receives each feature of a statement once, as the hash of its name and its value. */
    @FunctionalInterface
    public interface Sink {
        void accept(long hash, double value);
    }

    private final Sink sink;
    // Open addressing: slot -> entry + 1 (0 = empty); entries keep their hash and slot so a block clears in O(size).
    private int[] slots = new int[1024];
    private long[] hashes = new long[256];
    private int[] slotOf = new int[256];
    private long prefixState;
    private char[] lastChars;
    private int lastFrom;
    private int lastTo;
    private long lastState;

    public HashedGramCounts(Sink sink) {
        this.sink = sink;
    }

    @Override
    void clearKeys(String prefix) {
        for (int e = 0; e < size(); e++) {
            slots[slotOf[e]] = 0;
        }
        prefixState = FeatureHash.start(prefix);
        lastChars = null;
    }

    @Override
    int entryOf(char[] chars, int from, int to, int next) {
        long state;
        int i;
        if (chars == lastChars && from == lastFrom && to >= lastTo) {
            state = lastState;
            i = lastTo;
        } else {
            state = prefixState;
            i = from;
        }
        for (; i < to; i++) {
            state = FeatureHash.step(state, chars[i]);
        }
        lastChars = chars;
        lastFrom = from;
        lastTo = to;
        lastState = state;
        long hash = FeatureHash.finish(state);

        int mask = slots.length - 1;
        int slot = (int) hash & mask;
        for (int s; (s = slots[slot]) != 0; slot = (slot + 1) & mask) {
            if (hashes[s - 1] == hash) {
                return s - 1;
            }
        }
        if (next == hashes.length) {
            hashes = Arrays.copyOf(hashes, next * 2);
            slotOf = Arrays.copyOf(slotOf, next * 2);
        }
        hashes[next] = hash;
        slotOf[next] = slot;
        slots[slot] = next + 1;
        if ((next + 1) * 2 > slots.length) {
            rehash(next + 1);
        }
        return next;
    }

    private void rehash(int entries) {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int e = 0; e < entries; e++) {
            int slot = (int) hashes[e] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = e + 1;
            slotOf[e] = slot;
        }
    }

    @Override
    void emit(int entry, double value) {
        sink.accept(hashes[entry], value);
    }

    @Override
    void emitSingle(String name, double value) {
        sink.accept(FeatureHash.of(name), value);
    }
}

package dev.stance.features;

/**
 * The 64-bit hash of a feature name, computed either over the whole name or char by char as an n-gram grows
 * (prefix first, then its chars), with the same result. Scoring keys model weights by it so that an n-gram is
 * looked up without ever becoming a String; whoever builds such a table must check that its names do not
 * collide (64 bits make that unlikely, not impossible).
 */
public final class FeatureHash {
    private static final long SEED = 0x2545F4914F6CDD1DL;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private FeatureHash() {
    }

    /** The hash of a whole feature name, e.g. {@code "ch:ver"}. */
    public static long of(CharSequence name) {
        return finish(start(name));
    }

    /** The running state after {@code prefix}; extend it with {@link #step} and close it with {@link #finish}. */
    static long start(CharSequence prefix) {
        long h = SEED;
        for (int i = 0; i < prefix.length(); i++) {
            h = step(h, prefix.charAt(i));
        }
        return h;
    }

    static long step(long h, char c) {
        long x = (h ^ c) * MULTIPLIER;
        return x ^ (x >>> 29);
    }

    /** MurmurHash3's 64-bit finaliser: spreads every input bit over the low bits that pick a table slot. */
    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}

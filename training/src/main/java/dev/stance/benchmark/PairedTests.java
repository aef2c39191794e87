package dev.stance.benchmark;

/** Significance of the difference between two models scored on the same statements. */
public final class PairedTests {
    private PairedTests() {
    }

    /**
     * Exact two-sided McNemar test: {@code b} statements only model A gets right, {@code c} only model B.
     * Under the null hypothesis each discordant statement goes either way with probability 1/2.
     */
    public static double mcnemarP(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(b, c);
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) - n * Math.log(2));
        }
        return Math.min(1.0, 2 * tail);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    /**
     * Two-sided paired-bootstrap p-value for "the difference is zero": twice the share of resampled
     * differences on the far side of zero (capped at 1).
     */
    public static double bootstrapP(double[] differences) {
        int below = 0;
        int above = 0;
        for (double d : differences) {
            if (d <= 0) {
                below++;
            }
            if (d >= 0) {
                above++;
            }
        }
        return Math.min(1.0, 2.0 * Math.min(below, above) / differences.length);
    }
}

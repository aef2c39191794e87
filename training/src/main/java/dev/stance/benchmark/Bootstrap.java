package dev.stance.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap with a fixed seed. Resamples are drawn once and shared by every model and metric
 * ("paired"), so differences between models are measured on the same resampled data sets.
 */
public final class Bootstrap {
    private final int[][] resamples;

    /** Draws {@code b} resamples of {@code n} indices (with replacement) from a seeded generator. */
    public Bootstrap(int n, int b, long seed) {
        Random r = new Random(seed);
        resamples = new int[b][n];
        for (int[] s : resamples) {
            for (int i = 0; i < n; i++) {
                s[i] = r.nextInt(n);
            }
        }
    }

    /** A point estimate with its 95 % interval. */
    public record Interval(double estimate, double low, double high) {
    }

    /**
     * The statistic on the full data and its 2.5th and 97.5th percentiles over the resamples.
     *
     * @param statistic computes the statistic from an array of row indices
     */
    public Interval interval(int n, ToDoubleFunction<int[]> statistic) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double[] v = values(statistic);
        Arrays.sort(v);
        return new Interval(statistic.applyAsDouble(all), percentile(v, 0.025), percentile(v, 0.975));
    }

    /** The statistic on every resample, in resample order. */
    public double[] values(ToDoubleFunction<int[]> statistic) {
        double[] v = new double[resamples.length];
        for (int k = 0; k < resamples.length; k++) {
            v[k] = statistic.applyAsDouble(resamples[k]);
        }
        return v;
    }

    /** Linear-interpolated percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** Picks rows of a list by index (for statistics over a resample). */
    static <T> List<T> pick(List<T> rows, int[] idx) {
        return Arrays.stream(idx).mapToObj(rows::get).toList();
    }
}

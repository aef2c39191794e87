package dev.stance.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkStatisticsTest {
    @Test
    void bootstrapOfOneRightOneWrongMatchesTheBinomialDistribution() {
        // Accuracy over a resample of {right, wrong} is 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4.
        int[] correct = {1, 0};
        Bootstrap b = new Bootstrap(2, 4000, 42);
        double[] v = b.values(idx -> Arrays.stream(idx).map(i -> correct[i]).average().orElse(0));
        assertEquals(0.25, Arrays.stream(v).filter(x -> x == 0.0).count() / 4000.0, 0.03);
        assertEquals(0.50, Arrays.stream(v).filter(x -> x == 0.5).count() / 4000.0, 0.03);
        Bootstrap.Interval i = b.interval(2, idx -> Arrays.stream(idx).map(k -> correct[k]).average().orElse(0));
        assertEquals(0.5, i.estimate(), 0.0);
        assertEquals(0.0, i.low(), 0.0);
        assertEquals(1.0, i.high(), 0.0);
    }

    @Test
    void bootstrapIsReproducibleWithTheSameSeedAndDegenerateForPerfectPredictions() {
        double[] a = new Bootstrap(30, 200, 7).values(idx -> idx[0] + idx[29]);
        double[] b = new Bootstrap(30, 200, 7).values(idx -> idx[0] + idx[29]);
        assertArrayEquals(a, b);
        Bootstrap.Interval perfect = new Bootstrap(10, 500, 1).interval(10, idx -> 1.0);
        assertEquals(new Bootstrap.Interval(1.0, 1.0, 1.0), perfect);
    }

    @Test
    void percentileInterpolatesLinearly() {
        assertEquals(2.5, Bootstrap.percentile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
        assertEquals(1.075, Bootstrap.percentile(new double[] {1, 2, 3, 4}, 0.025), 1e-12);
    }

    @Test
    void mcnemarExactPValuesMatchHandComputation() {
        assertEquals(2 * Math.pow(0.5, 5), PairedTests.mcnemarP(0, 5), 1e-12);
        assertEquals(2 * 11 / 1024.0, PairedTests.mcnemarP(1, 9), 1e-12);
        assertEquals(1.0, PairedTests.mcnemarP(3, 3), 1e-12);
        assertEquals(1.0, PairedTests.mcnemarP(0, 0), 1e-12);
    }

    @Test
    void bootstrapPCountsTheFarSideOfZero() {
        assertEquals(0.0, PairedTests.bootstrapP(new double[] {0.1, 0.2, 0.3, 0.4}), 1e-12);
        assertEquals(0.5, PairedTests.bootstrapP(new double[] {-0.1, 0.2, 0.3, 0.4}), 1e-12);
    }

    @Test
    void eceAndBrierMatchHandComputation() {
        List<double[]> probs = List.of(new double[] {0.9, 0.1}, new double[] {0.6, 0.4});
        List<Integer> gold = List.of(0, 1);
        // bin 9: confidence 0.9, accuracy 1; bin 6: confidence 0.6, accuracy 0 -> 0.5*0.1 + 0.5*0.6
        assertEquals(0.35, CalibrationStats.ece(probs, gold), 1e-12);
        // (0.1^2 + 0.1^2 + 0.6^2 + 0.6^2) / 2
        assertEquals(0.37, CalibrationStats.brier(probs, gold), 1e-12);
        var bins = CalibrationStats.bins(probs, gold);
        assertEquals(1, bins.get(9).count());
        assertEquals(0.6, bins.get(6).confidence(), 1e-12);
    }
}

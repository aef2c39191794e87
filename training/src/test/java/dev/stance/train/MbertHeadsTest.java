package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.encoder.Encoded;
import dev.stance.model.ModelDirectory;
import dev.stance.model.StatementPrediction;
import dev.stance.model.mbert.MbertDl4jFamily;
import dev.stance.model.mbert.MbertDl4jModel;
import dev.stance.model.mbert.MbertTribuoFamily;
import dev.stance.model.mbert.MbertTribuoModel;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transformer heads without the 660 MB encoder: synthetic token vectors whose first dimensions carry the
 * labels, so the heads have something to learn; export, reload and compare probabilities.
 */
class MbertHeadsTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final int DIM = 16;

    @TempDir
    Path dir;

    private static List<Encoded> synthetic(List<Statement> data, long seed) {
        Random r = new Random(seed);
        List<Encoded> out = new ArrayList<>();
        for (Statement s : data) {
            int n = 5 + r.nextInt(6);
            float[] seq = new float[n * DIM];
            int[] seg = new int[n];
            for (int t = 0; t < n; t++) {
                seg[t] = t >= n - 2 ? 1 : 0;
                for (int j = 0; j < DIM; j++) {
                    seq[t * DIM + j] = Encoded.bf16((float) (r.nextGaussian() * 0.3));
                }
                seq[t * DIM + Task.STANCE.labels().indexOf(s.stance())] += 1.5f;
                seq[t * DIM + 4 + Task.OPENNESS.labels().indexOf(s.openness())] += 1.5f;
            }
            out.add(new Encoded(n, DIM, seq, seg));
        }
        return out;
    }

    private static double accuracy(List<Statement> data, List<StatementPrediction> p, Task t) {
        long right = 0;
        for (int i = 0; i < data.size(); i++) {
            right += data.get(i).label(t).equals(p.get(i).get(t).label()) ? 1 : 0;
        }
        return right / (double) data.size();
    }

    @ParameterizedTest(name = "head {0}")
    @ValueSource(strings = {"conv", "pool"})
    void dl4jHeadLearnsExportsAndReloadsToIdenticalProbabilities(String head) throws Exception {
        List<Statement> data = Fixtures.small();
        List<Encoded> enc = synthetic(data, 1);
        MbertTrainConfig c = new MbertTrainConfig(8, 1e-2, true, 7L, 0.5, 16, 16, 0.1, 3, 8, false, 12, false, 0, true, head);
        assertEquals(head.equals("conv"), MbertDl4jTrainer.graph(c, 4, new double[4], new double[3]).getVertices()
                .containsKey("conv"), "a convolution only in the conv head");
        Path model = MbertDl4jTrainer.trainAndExport(c, List.of(Fixtures.SMALL), data, enc, data, enc, dir, "h", QUIET);
        var manifest = ModelDirectory.verify(model);
        assertTrue(manifest.temperature().get("stance") > 0);
        var reloaded = new MbertDl4jModel(manifest, null, MbertDl4jFamily.readGraph(model));
        List<StatementPrediction> p = reloaded.predictEncoded(enc);
        assertTrue(accuracy(data, p, Task.STANCE) > 0.8, "stance accuracy " + accuracy(data, p, Task.STANCE));
        assertTrue(accuracy(data, p, Task.OPENNESS) > 0.8, "openness accuracy " + accuracy(data, p, Task.OPENNESS));
        assertMatchesRecordedDevMetrics(manifest, data, p);
    }

    /** The trainer measured dev (here: the training data) in memory before export; the reloaded model must agree. */
    private static void assertMatchesRecordedDevMetrics(dev.stance.model.Manifest manifest, List<Statement> data,
                                                        List<StatementPrediction> reloaded) {
        var ev = dev.stance.evaluate.Evaluator.evaluate("reloaded", data, reloaded);
        for (Task t : Task.values()) {
            assertEquals(manifest.metrics().get("dev").get(t.key()).get("macro_f1").asDouble(), ev.macroF1(t), 1e-12,
                    t.key());
        }
    }

    @ParameterizedTest(name = "cls {0}")
    @ValueSource(booleans = {true, false})
    void tribuoHeadExportsAndReloadsToIdenticalProbabilities(boolean cls) throws Exception {
        List<Statement> data = Fixtures.small();
        List<Encoded> enc = synthetic(data, 2);
        MbertTrainConfig d = MbertTrainConfig.defaults("mbert-tribuo");
        MbertTrainConfig c = new MbertTrainConfig(d.epochs(), d.learningRate(), true, 42L, 0.5, 16, 16, 0.1, 3, 8, true, 12, false, 0, cls, "conv");
        Path model = MbertTribuoTrainer.trainAndExport(c, List.of(Fixtures.SMALL), data, enc, data, enc, dir, "t", QUIET);
        var manifest = ModelDirectory.verify(model);
        var config = MbertTribuoFamily.config(manifest);
        assertEquals(cls, config.cls(), "the manifest records whether the features hold [CLS]");
        var heads = MbertTribuoFamily.readHeads(model, manifest);
        List<StatementPrediction> p = new MbertTribuoModel(manifest, config, null, heads).predictEncoded(enc);
        assertTrue(accuracy(data, p, Task.STANCE) > 0.8);
        assertMatchesRecordedDevMetrics(manifest, data, p);
    }

    @Test
    void temperatureScalingFindsTheNllMinimum() {
        // Over-confident logits on a 50/50 outcome: the best temperature flattens them.
        List<double[]> logits = List.of(new double[] {4, 0}, new double[] {4, 0}, new double[] {0, 4}, new double[] {0, 4});
        List<Integer> gold = List.of(0, 1, 1, 0);
        double t = Calibration.fitTemperature(logits, gold);
        assertTrue(t > 10, "temperature " + t);
        assertTrue(Calibration.nll(logits, gold, t) < Calibration.nll(logits, gold, 1.0));
        List<double[]> good = List.of(new double[] {4, 0}, new double[] {0, 4});
        assertTrue(Calibration.fitTemperature(good, List.of(0, 1)) < 1.0, "confident and right: sharpen");
    }
}

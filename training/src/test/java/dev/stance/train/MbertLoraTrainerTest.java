package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.encoder.BaseWeights;
import dev.stance.encoder.Encoded;
import dev.stance.encoder.MbertEncoder;
import dev.stance.model.ModelLoadException;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.lora.LoraTransformer;
import dev.stance.model.lora.MbertLoraFamily;
import dev.stance.model.lora.MbertLoraModel;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mbert-lora training path end to end on the real encoder and base weights: two adapted layers, a few
 * steps on the small fixture. The full model is trained by {@code ./stance cv --family mbert-lora --export}.
 */
class MbertLoraTrainerTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final int[] OUTPUTS = {Task.STANCE.labels().size(), Task.OPENNESS.labels().size()};

    @TempDir
    Path dir;

    /** Two layers, rank 4, a high learning rate: enough steps on 48 statements to see the loss fall. */
    private static LoraTrainConfig tiny(int epochs) {
        return new LoraTrainConfig(epochs, 2e-3, 5e-3, 2, 4, 8, 0.1, 0.01, 0.1, 1.0, 8, true, 7L, 8, 12, null, 0, 2);
    }

    /** The same on a four-layer student (layers 3-4 adapted), distilled from {@code teacher} when not null. */
    private static LoraTrainConfig student(Path teacher, double weight) {
        return new LoraTrainConfig(6, 2e-3, 5e-3, 2, 4, 8, 0.1, 0.01, 0.1, 1.0, 8, true, 7L, 8, 4,
                teacher == null ? null : teacher.toString(), weight, 2);
    }

    private static double meanNll(List<Statement> data, List<StatementPrediction> p) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            for (Task t : Task.values()) {
                sum -= Math.log(p.get(i).get(t).p().get(data.get(i).label(t)));
            }
        }
        return sum / data.size();
    }

    @Test
    void untrainedAdaptersRunTheTopLayersAsTensorFlowDoes() throws Exception {
        List<StatementInput> in = Fixtures.small().stream().limit(6).map(s -> new StatementInput(s.text(), null)).toList();
        List<Encoded> both;
        try (MbertEncoder tf = MbertEncoder.load(8, 12, 10)) { // layer 12's vectors, then layer 10's, one run
            both = tf.encode(in);
        }
        List<BaseWeights.Layer> base = List.of(BaseWeights.layer(11), BaseWeights.layer(12));
        double maxErr = 0;
        double sumErr = 0;
        long n = 0;
        try (LoraTransformer t = LoraTransformer.init(base, 4, 8, 0.1, OUTPUTS, 1L);
             NDManager m = t.manager().newSubManager()) {
            List<Encoded> layer10 = new ArrayList<>();
            for (Encoded e : both) {
                float[] s = new float[e.tokens() * 768];
                for (int tok = 0; tok < e.tokens(); tok++) {
                    System.arraycopy(e.sequence(), tok * 1536 + 768, s, tok * 768, 768);
                }
                layer10.add(new Encoded(e.tokens(), 768, s, e.segments()));
            }
            NDList batch = LoraTransformer.batch(m, layer10);
            float[] out = t.hidden(batch.get(0), batch.get(1), false).toFloatArray();
            long len = batch.get(0).getShape().get(1);
            for (int r = 0; r < both.size(); r++) {
                for (int tok = 0; tok < both.get(r).tokens(); tok++) {
                    for (int j = 0; j < 768; j++) {
                        double err = Math.abs(out[(int) ((r * len + tok) * 768 + j)] - both.get(r).get(tok, j));
                        maxErr = Math.max(maxErr, err);
                        sumErr += err;
                        n++;
                    }
                }
            }
        }
        // Layer 10's vectors reach PyTorch rounded to bfloat16 (as the cache stores them) and TensorFlow's layer
        // 12 output is rounded too, so agreement is to bfloat16 precision, not fp32.
        assertTrue(sumErr / n < 0.01, "mean abs error " + sumErr / n);
        assertTrue(maxErr < 0.5, "max abs error " + maxErr);
    }

    @Test
    void trainingLowersTheLossAndTheExportReloadsToIdenticalProbabilities() throws Exception {
        List<Statement> data = Fixtures.small();
        LoraTrainConfig c = tiny(6);
        List<Encoded> enc = MbertLoraTrainer.encode(data, c, QUIET);
        double before;
        List<BaseWeights.Layer> base = MbertLoraTrainer.baseLayers(c);
        try (var untrained = new MbertLoraModel(ModelExporter.inTraining("u", MbertLoraFamily.NAME, null, null), null,
                LoraTransformer.init(base, c.rank(), c.alpha(), 0, OUTPUTS, c.seed()))) {
            before = meanNll(data, untrained.predictEncoded(enc));
        }
        MbertLoraModel trained = MbertLoraTrainer.fit(c, data, enc, QUIET);
        List<StatementPrediction> p = trained.predictEncoded(enc);
        double after = meanNll(data, p);
        assertTrue(after < before * 0.8, "training NLL " + before + " -> " + after);

        Path exported = MbertLoraTrainer.export(c, List.of(Fixtures.SMALL), trained, null, null, dir, "lora");
        assertTrue(Files.size(exported.resolve(MbertLoraFamily.ADAPTERS_FILE)) < 2_000_000, "adapters and heads only");
        try (StanceModel loaded = new ModelStore(dir).load(exported.getFileName().toString())) {
            List<StatementPrediction> q = loaded.predict(data.stream()
                    .map(s -> new StatementInput(s.text(), s.context())).toList());
            for (int i = 0; i < data.size(); i++) {
                for (Task t : Task.values()) {
                    int row = i;
                    double[] expected = t.labels().stream().mapToDouble(l -> p.get(row).get(t).p().get(l)).toArray();
                    double[] actual = t.labels().stream().mapToDouble(l -> q.get(row).get(t).p().get(l)).toArray();
                    assertArrayEquals(expected, actual, 1e-6, "record " + i + " " + t.key());
                }
            }
            // the loaded model has its adapters folded into the base kernels: it scores, it does not train
            LoraTransformer folded = ((MbertLoraModel) loaded).transformer();
            try (NDManager m = folded.manager().newSubManager()) {
                NDList in = LoraTransformer.batch(m, enc.subList(0, 2));
                assertThrows(IllegalStateException.class, () -> folded.forward(in.get(0), in.get(1), true));
            }
        }
        trained.close();
    }

    @Test
    void adaptersOfAnotherLayoutAreRefused() {
        List<BaseWeights.Layer> two = List.of(BaseWeights.layer(11), BaseWeights.layer(12));
        byte[] rank4;
        try (LoraTransformer t = LoraTransformer.init(two, 4, 8, 0, OUTPUTS, 1L)) {
            rank4 = t.encode();
        }
        assertThrows(java.io.IOException.class, () -> LoraTransformer.decode(List.of(BaseWeights.layer(12)), 4, 8, rank4),
                "adapters for layers 11-12 on layer 12 alone");
        assertThrows(Exception.class, () -> LoraTransformer.decode(two, 4, 8,
                java.util.Arrays.copyOf(rank4, rank4.length / 2)), "a truncated file");
    }

    @Test
    void aModelPinnedToOtherBaseWeightsIsRefused() throws Exception {
        LoraTrainConfig c = tiny(1);
        var wrong = new dev.stance.model.lora.LoraConfig(dev.stance.model.lora.LoraConfig.encoderId(10), 8, 10, 4, 8,
                List.of(BaseWeights.layer(11).sha256(), "0".repeat(64)), null);
        var e = assertThrows(ModelLoadException.class, () -> MbertLoraFamily.baseLayers(wrong, "m-v1"));
        assertTrue(e.getMessage().contains("layer 12"), e.getMessage());
        assertEquals(2, MbertLoraTrainer.baseLayers(c).size());
    }

    /** Share of {@code p} whose stance argmax is {@code label}. */
    private static double share(List<StatementPrediction> p, String label) {
        return p.stream().filter(x -> x.get(Task.STANCE).label().equals(label)).count() / (double) p.size();
    }

    @Test
    void aDistilledStudentFollowsItsTeacherAndReloadsAtItsOwnDepth() throws Exception {
        List<Statement> data = Fixtures.small();
        // A teacher that calls every statement neutral and without openness, whatever the gold label says.
        StringBuilder oof = new StringBuilder("{\"oof\": [");
        for (int i = 0; i < data.size(); i++) {
            oof.append(i == 0 ? "" : ",").append("{\"id\": \"").append(data.get(i).id())
                    .append("\", \"fold\": 0, \"stance\": [0.02, 0.02, 0.02, 0.94], \"openness\": [0.02, 0.02, 0.96]}");
        }
        Path report = Files.writeString(dir.resolve("teacher.json"), oof.append("]}"));

        LoraTrainConfig gold = student(null, 0);
        LoraTrainConfig distilled = student(report, 0.9);
        assertEquals(2, gold.frozenLayers());
        assertEquals(List.of(3, 4), MbertLoraTrainer.baseLayers(gold).stream().map(BaseWeights.Layer::layer).toList());
        List<Encoded> enc = MbertLoraTrainer.encode(data, gold, QUIET);
        double goldNeutral;
        try (MbertLoraModel m = MbertLoraTrainer.fit(gold, data, enc, QUIET)) {
            goldNeutral = share(m.predictEncoded(enc), "neutral");
        }
        MbertLoraModel d = MbertLoraTrainer.fit(distilled, data, enc, QUIET);
        List<StatementPrediction> p = d.predictEncoded(enc);
        double distilledNeutral = share(p, "neutral");
        assertTrue(distilledNeutral > goldNeutral + 0.2, "neutral share: gold-only " + goldNeutral
                + ", distilled " + distilledNeutral);

        Path exported = MbertLoraTrainer.export(distilled, List.of(Fixtures.SMALL), d, null, null, dir, "student");
        try (StanceModel loaded = new ModelStore(dir).load(exported.getFileName().toString())) {
            assertEquals(4, MbertLoraFamily.config(loaded.manifest()).depth());
            List<StatementPrediction> q = loaded.predict(data.stream()
                    .map(s -> new StatementInput(s.text(), s.context())).toList());
            for (int i = 0; i < data.size(); i++) {
                for (String l : Task.STANCE.labels()) {
                    assertEquals(p.get(i).get(Task.STANCE).p().get(l), q.get(i).get(Task.STANCE).p().get(l), 1e-6);
                }
            }
        }
        d.close();
    }

    @Test
    void distillationNeedsBothATeacherAndAWeight() {
        assertThrows(IllegalArgumentException.class, () -> student(Path.of("report.json"), 0));
        assertThrows(IllegalArgumentException.class, () -> student(null, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new LoraTrainConfig(1, 1e-3, 1e-3, 4, 4, 8, 0.1, 0.01,
                0.1, 0, 8, true, 1L, 8, 4, null, 0, 2), "four adapted layers leave none frozen in a four-layer model");
    }
}

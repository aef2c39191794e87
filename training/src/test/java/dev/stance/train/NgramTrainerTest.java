package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.features.FeatureConfig;
import dev.stance.features.FeatureVector;
import dev.stance.features.NgramFeaturizer;
import dev.stance.model.Checksums;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.ModelDirectory;
import dev.stance.model.ModelLoadException;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.ngram.NgramTribuoModel;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

class NgramTrainerTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private List<StatementInput> inputs(List<Statement> data) {
        return data.stream().map(s -> new StatementInput(s.text(), s.context())).toList();
    }

    @Test
    void sameDataAndConfigGiveBitIdenticalWeights() {
        List<Statement> data = Fixtures.small();
        for (Task task : Task.values()) {
            Model<Label> a = new NgramTrainer(Fixtures.quickConfig()).train(task, data);
            Model<Label> b = new NgramTrainer(Fixtures.quickConfig()).train(task, data);
            double[][] wa = weights(a);
            double[][] wb = weights(b);
            assertEquals(wa.length, wb.length);
            for (int i = 0; i < wa.length; i++) {
                assertArrayEquals(wa[i], wb[i], 0.0, "weights differ for " + task);
            }
            assertEquals(a.getFeatureIDMap().size(), b.getFeatureIDMap().size());
        }
    }

    @Test
    void aDifferentSeedGivesDifferentWeights() {
        List<Statement> data = Fixtures.small();
        double[][] a = weights(new NgramTrainer(Fixtures.quickConfig()).train(Task.STANCE, data));
        double[][] b = weights(new NgramTrainer(Fixtures.quickConfig().withSeed(7)).train(Task.STANCE, data));
        assertNotEquals(a[0][0], b[0][0]);
    }

    private static double[][] weights(Model<Label> m) {
        var w = ((LinearSGDModel) m).getWeightsCopy();
        double[][] out = new double[w.getDimension1Size()][w.getDimension2Size()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = w.get(i, j);
            }
        }
        return out;
    }

    @Test
    void exportLoadPredictGivesIdenticalProbabilities() throws Exception {
        List<Statement> data = Fixtures.small();
        Path model = NgramFamilyTrainer.trainAndExport(Fixtures.quickConfig(), List.of(Fixtures.SMALL), data,
                List.of(), dir, "t", QUIET);
        assertEquals("t-v1", model.getFileName().toString());
        TrainConfig config = Fixtures.quickConfig();
        var models = new NgramTrainer(config).train(data);
        Manifest manifest = ModelDirectory.verify(model);
        var inMemory = new NgramTribuoModel(manifest, config.features(), models);
        try (StanceModel loaded = ModelStore.load(model)) {
            List<StatementPrediction> a = inMemory.predict(inputs(data));
            List<StatementPrediction> b = loaded.predict(inputs(data));
            for (int i = 0; i < a.size(); i++) {
                for (Task t : Task.values()) {
                    assertEquals(a.get(i).get(t).p(), b.get(i).get(t).p(), "record " + i + " " + t);
                }
            }
        }
    }

    @Test
    void manifestRecordsProvenanceAndChecksums() throws Exception {
        Path model = NgramFamilyTrainer.trainAndExport(Fixtures.quickConfig(), List.of(Fixtures.SMALL),
                Fixtures.small(), Fixtures.small().subList(0, 10), dir, "t", QUIET);
        JsonNode m = Json.MAPPER.readTree(model.resolve("manifest.json").toFile());
        assertEquals(Manifest.SCHEMA_VERSION, m.get("schema_version").asInt());
        assertEquals("ngram-tribuo", m.get("family").asText());
        assertEquals(Checksums.sha256(Fixtures.SMALL), m.get("training_data").get(0).get("sha256").asText());
        assertEquals(Checksums.sha256(model.resolve("stance.tribuo")), m.get("files").get("stance.tribuo").asText());
        assertEquals(42, m.get("hyperparameters").get("seed").asInt());
        assertTrue(m.get("metrics").get("dev").get("stance").has("macro_f1"));
        assertTrue(m.get("libraries").has("tribuo"));
        assertTrue(m.has("git_commit") && m.has("created_at"));
        assertEquals(List.of("conciliatory", "hostile", "skeptical", "neutral"),
                Json.MAPPER.convertValue(m.get("tasks").get("stance"), List.class));
    }

    @Test
    void tamperedWeightsAreRefusedAtLoad() throws Exception {
        Path model = NgramFamilyTrainer.trainAndExport(Fixtures.quickConfig(), List.of(Fixtures.SMALL),
                Fixtures.small(), List.of(), dir, "t", QUIET);
        byte[] bytes = Files.readAllBytes(model.resolve("openness.tribuo"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(model.resolve("openness.tribuo"), bytes);
        var e = assertThrows(ModelLoadException.class, () -> ModelStore.load(model));
        assertTrue(e.getMessage().contains("checksum mismatch for openness.tribuo"), e.getMessage());
    }

    @Test
    void versionsIncrementAndNoTemporaryFolderRemains() throws Exception {
        for (int i = 0; i < 2; i++) {
            NgramFamilyTrainer.trainAndExport(Fixtures.quickConfig(), List.of(Fixtures.SMALL), Fixtures.small(),
                    List.of(), dir, "t", QUIET);
        }
        try (var s = Files.list(dir)) {
            assertEquals(List.of("t-v1", "t-v2"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void scorerRebuildsTheTrainingFeaturizerFromTheManifest() throws Exception {
        FeatureConfig custom = new FeatureConfig(List.of("quotes", "lowercase"), 1, 3, 4, 0.25);
        TrainConfig config = new TrainConfig("logistic", 3, 0.5, true, 1, 0, 1L, custom);
        Path model = NgramFamilyTrainer.trainAndExport(config, List.of(Fixtures.SMALL), Fixtures.small(), List.of(),
                dir, "t", QUIET);
        try (var loaded = (NgramTribuoModel) ModelStore.load(model)) {
            assertEquals(custom, loaded.featurizer().config());
            String text = "„Wir sind bereit“, sagte sie.";
            FeatureVector atTraining = new NgramFeaturizer(custom).featurize(text, "Kontext.");
            FeatureVector atScoring = loaded.featurizer().featurize(text, "Kontext.");
            assertArrayEquals(atTraining.names(), atScoring.names());
            assertArrayEquals(atTraining.values(), atScoring.values(), 0.0);
        }
    }

    @Test
    void fastScoringPathAgreesWithTribuoPredict() {
        List<Statement> data = Fixtures.small();
        for (String algorithm : List.of("logistic", "svm")) {
            TrainConfig config = Fixtures.quickConfig().withAlgorithm(algorithm);
            var models = new NgramTrainer(config).train(data);
            var m = new NgramTribuoModel(ModelDirectoryHolder.placeholder(), config.features(), models);
            List<StatementPrediction> fast = m.predict(inputs(data));
            for (int i = 0; i < data.size(); i++) {
                Statement s = data.get(i);
                for (Task t : Task.values()) {
                    var tribuo = models.get(t).predict(NgramTribuoModel.example(m.featurizer(),
                            new StatementInput(s.text(), s.context()), org.tribuo.classification.LabelFactory.UNKNOWN_LABEL));
                    assertEquals(tribuo.getOutput().getLabel(), fast.get(i).get(t).label(), algorithm + " " + t + " " + i);
                    if (algorithm.equals("logistic")) {
                        for (String label : t.labels()) {
                            assertEquals(tribuo.getOutputScores().get(label).getScore(), fast.get(i).get(t).p().get(label),
                                    1e-9, algorithm + " " + t + " " + i + " " + label);
                        }
                    }
                }
            }
        }
    }

    @Test
    void learnsTheTrainingDataWellEnoughToBeUseful() {
        List<Statement> data = Fixtures.small();
        var models = new NgramTrainer(Fixtures.quickConfig()).train(data);
        var m = new NgramTribuoModel(ModelDirectoryHolder.placeholder(), Fixtures.quickConfig().features(), models);
        var preds = m.predict(inputs(data));
        long right = 0;
        for (int i = 0; i < data.size(); i++) {
            right += data.get(i).stance().equals(preds.get(i).get(Task.STANCE).label()) ? 1 : 0;
        }
        assertTrue(right > 0.9 * data.size(), "training accuracy " + right + "/" + data.size());
    }

    /** A manifest for in-memory models in tests. */
    static final class ModelDirectoryHolder {
        static Manifest placeholder() {
            return new Manifest(Manifest.SCHEMA_VERSION, "test", "test", "v0", "ngram-tribuo", Map.of(), Map.of(),
                    null, null, null, null, null, null, null, null, Map.of());
        }
    }
}

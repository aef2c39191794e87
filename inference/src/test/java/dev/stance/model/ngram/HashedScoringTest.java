package dev.stance.model.ngram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.data.Task;
import dev.stance.features.FeatureConfig;
import dev.stance.features.FeatureHash;
import dev.stance.features.NgramFeaturizer;
import dev.stance.features.VariedTexts;
import dev.stance.model.Manifest;
import dev.stance.model.Probabilities;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** The hashed scorer gives Tribuo's own predictions on featurize() vectors, for small models trained here. */
class HashedScoringTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final NgramFeaturizer FEATURIZER = new NgramFeaturizer(CONFIG);

    private static List<StatementInput> inputs() {
        List<StatementInput> out = new ArrayList<>();
        for (String[] c : VariedTexts.cases()) {
            out.add(new StatementInput(c[0], c[1]));
        }
        List<String> random = VariedTexts.random(400, 3);
        for (int i = 0; i < random.size(); i++) {
            out.add(new StatementInput(random.get(i), i % 2 == 0 ? null : random.get(random.size() - 1 - i)));
        }
        return out;
    }

    /** Trains on the inputs with seeded random labels; openness never sees "rhetorical" when told so. */
    private static Map<Task, Model<Label>> train(boolean svm, boolean dropALabel) {
        List<StatementInput> data = inputs();
        Random rnd = new Random(5);
        Map<Task, Model<Label>> models = new EnumMap<>(Task.class);
        for (Task task : Task.values()) {
            LabelFactory factory = new LabelFactory();
            MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
            List<String> labels = new ArrayList<>(task.labels());
            if (dropALabel && task == Task.OPENNESS) {
                labels.remove("rhetorical");
            }
            for (StatementInput in : data) {
                ds.add(NgramTribuoModel.example(FEATURIZER, in, new Label(labels.get(rnd.nextInt(labels.size())))));
            }
            var trainer = new LinearSGDTrainer(svm ? new Hinge() : new LogMulticlass(), new AdaGrad(0.5, 0.1),
                    3, Integer.MAX_VALUE, 1, 42L);
            models.put(task, trainer.train(ds));
        }
        return models;
    }

    private static Manifest manifest(double temperature) {
        return new Manifest(Manifest.SCHEMA_VERSION, "test", "test", "v0", "ngram-tribuo", Map.of(), Map.of(),
                null, null, null, null, Map.of("stance", temperature, "openness", temperature), null, null, null,
                Map.of());
    }

    @Test
    void svmAndLogisticScoresEqualTribuoPredictOnFeaturizedExamples() {
        List<StatementInput> inputs = inputs();
        for (boolean svm : new boolean[] {true, false}) {
            for (boolean drop : new boolean[] {false, true}) {
                Map<Task, Model<Label>> models = train(svm, drop);
                double temperature = svm ? 1.7 : 1.0;
                var model = new NgramTribuoModel(manifest(temperature), CONFIG, models);
                List<StatementPrediction> batch = model.predict(inputs);
                for (int i = 0; i < inputs.size(); i++) {
                    StatementPrediction single = model.predict(List.of(inputs.get(i))).get(0);
                    assertEquals(single, batch.get(i), "batch and single differ at " + i);
                    for (Task task : Task.values()) {
                        assertMatchesTribuo(models.get(task), task, inputs.get(i), batch.get(i), svm, temperature,
                                (svm ? "svm " : "logistic ") + (drop ? "missing label " : "") + task + " #" + i);
                    }
                }
            }
        }
    }

    private static void assertMatchesTribuo(Model<Label> m, Task task, StatementInput in, StatementPrediction got,
                                            boolean svm, double temperature, String what) {
        Prediction<Label> ref = m.predict(NgramTribuoModel.example(FEATURIZER, in, LabelFactory.UNKNOWN_LABEL));
        Map<String, Double> expected = new HashMap<>();
        if (svm) {
            // Tribuo's SVM scores are raw margins; the model turns them into probabilities with a softmax.
            List<String> known = new ArrayList<>();
            List<Double> margins = new ArrayList<>();
            ref.getOutputScores().forEach((label, score) -> {
                known.add(label);
                margins.add(score.getScore());
            });
            expected.putAll(Probabilities.softmax(known, margins.stream().mapToDouble(Double::doubleValue).toArray(),
                    temperature));
        } else {
            ref.getOutputScores().forEach((label, score) -> expected.put(label, score.getScore()));
        }
        for (String label : task.labels()) {
            assertEquals(expected.getOrDefault(label, 0.0), got.get(task).p().get(label), 1e-9, what + " " + label);
        }
        assertEquals(ref.getOutput().getLabel(), got.get(task).label(), what);
    }

    @Test
    void largeBatchesSplitAcrossThreadsGiveTheSameResultsInOrder() {
        var model = new NgramTribuoModel(manifest(1.0), CONFIG, train(true, false));
        List<StatementInput> inputs = inputs();
        List<StatementPrediction> oneByOne = new ArrayList<>();
        for (StatementInput in : inputs) {
            oneByOne.add(model.predict(List.of(in)).get(0));
        }
        for (int size : new int[] {15, 16, 17, 32, 33, 100, inputs.size()}) {
            for (int from = 0; from + size <= inputs.size(); from += size) {
                assertEquals(oneByOne.subList(from, from + size), model.predict(inputs.subList(from, from + size)),
                        "batch of " + size + " from " + from);
            }
        }
    }

    @Test
    void compilingRefusesFeatureNamesWhoseHashesCollide() {
        Map<Task, Model<Label>> models = train(false, false);
        var e = assertThrows(IllegalStateException.class, () -> HashedLinear.of(models, name -> 42L));
        assertTrue(e.getMessage().contains("same 64-bit hash"), e.getMessage());
        var empty = assertThrows(IllegalStateException.class,
                () -> HashedLinear.of(models, name -> name.equals("bias") ? 0L : FeatureHash.of(name)));
        assertTrue(empty.getMessage().contains("'bias' hashes to the empty-slot marker"), empty.getMessage());
        HashedLinear.of(models); // the real hash has no collision in this vocabulary
    }
}

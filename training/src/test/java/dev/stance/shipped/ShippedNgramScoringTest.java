package dev.stance.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stance.data.StatementReader;
import dev.stance.data.Task;
import dev.stance.model.ModelStore;
import dev.stance.model.Probabilities;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TribuoWeights;
import dev.stance.model.ngram.NgramTribuoModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * Each shipped n-gram model's fast scorer (hashed features, batches split across threads) predicts the whole
 * corpus exactly as Tribuo does on featurize() vectors: same labels, probabilities within 1e-9.
 */
class ShippedNgramScoringTest {
    @ParameterizedTest
    @ValueSource(strings = {"ngram-v5"})
    void hashedScoringOfTheCorpusEqualsTribuoPredictOnFeaturizedExamples(String id) throws Exception {
        List<StatementInput> inputs = StatementReader.readAll(RepoPaths.corpusFiles()).stream()
                .map(s -> new StatementInput(s.text(), s.context())).toList();
        Path dir = RepoPaths.root().resolve("models").resolve(id);
        try (var model = (NgramTribuoModel) ModelStore.load(dir)) {
            assertThrows(IllegalStateException.class, () -> model.model(Task.STANCE), "loaded for scoring only");
            Map<Task, Model<Label>> reference = TribuoWeights.readPerTask(dir, model.manifest());
            List<StatementPrediction> batched = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i += 32) {
                batched.addAll(model.predict(inputs.subList(i, Math.min(inputs.size(), i + 32))));
            }
            List<StatementPrediction> all = model.predict(inputs);
            for (int i = 0; i < inputs.size(); i++) {
                assertEquals(all.get(i), batched.get(i), "statement " + i + ": whole corpus vs batches of 32");
                for (Task task : Task.values()) {
                    Model<Label> tribuo = reference.get(task);
                    Prediction<Label> ref = tribuo.predict(NgramTribuoModel.example(model.featurizer(), inputs.get(i),
                            LabelFactory.UNKNOWN_LABEL));
                    // The shipped models are SVMs: Tribuo scores are margins, turned into probabilities here.
                    double[] margins = task.labels().stream()
                            .mapToDouble(l -> ref.getOutputScores().get(l).getScore()).toArray();
                    Map<String, Double> expected = Probabilities.softmax(task.labels(), margins,
                            model.manifest().temperatureOf(task.key()));
                    String what = "statement " + i + " " + task;
                    assertEquals(ref.getOutput().getLabel(), batched.get(i).get(task).label(), what);
                    for (String label : task.labels()) {
                        assertEquals(expected.get(label), batched.get(i).get(task).p().get(label), 1e-9, what + " " + label);
                    }
                }
            }
        }
    }
}

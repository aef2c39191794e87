package dev.stance.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.data.Task;
import dev.stance.encoder.Encoded;
import dev.stance.encoder.TextEncoder;
import dev.stance.model.EncoderHeadModel;
import dev.stance.model.FixedModel;
import dev.stance.model.Manifest;
import dev.stance.model.Probabilities;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EnsembleModelTest {
    /** One float per statement: its length. */
    static final class LengthEncoder implements TextEncoder {
        final String id;
        final AtomicInteger calls = new AtomicInteger();

        LengthEncoder(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int dim() {
            return 1;
        }

        @Override
        public List<Encoded> encode(List<StatementInput> inputs) {
            calls.incrementAndGet();
            return inputs.stream().map(in -> new Encoded(1, 1, new float[] {in.text().length()}, new int[] {0})).toList();
        }

        @Override
        public void close() {
        }
    }

    /** A head whose stance logits are the encoded value times a per-head factor. */
    record Head(TextEncoder encoder, double factor) implements EncoderHeadModel {
        @Override
        public Manifest manifest() {
            return new FixedModel().manifest();
        }

        @Override
        public List<StatementPrediction> predict(List<StatementInput> inputs) {
            return predictEncoded(encoder.encode(inputs));
        }

        @Override
        public List<StatementPrediction> predictEncoded(List<Encoded> encoded) {
            List<StatementPrediction> out = new ArrayList<>();
            for (Encoded e : encoded) {
                double x = e.sequence()[0] * factor;
                Map<Task, TaskPrediction> m = new EnumMap<>(Task.class);
                var ps = Probabilities.softmax(Task.STANCE.labels(), new double[] {x, 0, 0, 0}, 10.0);
                m.put(Task.STANCE, new TaskPrediction(Probabilities.argmax(ps), ps));
                var po = Probabilities.softmax(Task.OPENNESS.labels(), new double[] {0, x, 0}, 10.0);
                m.put(Task.OPENNESS, new TaskPrediction(Probabilities.argmax(po), po));
                out.add(new StatementPrediction(m));
            }
            return out;
        }
    }

    @Test
    void headsOnOneEncoderShareOneEncodingAndAverageAsIfRunAlone() {
        LengthEncoder shared = new LengthEncoder("a");
        LengthEncoder other = new LengthEncoder("b");
        List<StanceModel> members = List.of(new Head(shared, 1), new Head(shared, -2), new Head(other, 3), new FixedModel());
        double[] weights = {1, 1, 2, 1};
        List<StatementInput> in = List.of(new StatementInput("short", null), new StatementInput("a threat here", "ctx"));

        List<List<StatementPrediction>> alone = new ArrayList<>();
        for (StanceModel m : members) {
            alone.add(m.predict(in));
        }
        List<StatementPrediction> expected = EnsembleModel.combine(alone, weights);
        shared.calls.set(0);
        other.calls.set(0);

        List<StatementPrediction> got = new EnsembleModel(new FixedModel().manifest(), members, weights).predict(in);
        assertEquals(1, shared.calls.get(), "two heads on encoder a: one encoder pass");
        assertEquals(1, other.calls.get());
        for (int i = 0; i < in.size(); i++) {
            for (Task t : Task.values()) {
                assertEquals(expected.get(i).get(t).p(), got.get(i).get(t).p());
            }
        }
    }

    @Test
    void anEnsembleTemperatureSoftensTheAverageWithoutChangingItsLabels() {
        List<StanceModel> members = List.of(new Head(new LengthEncoder("a"), 1), new FixedModel());
        double[] weights = {1, 1};
        List<StatementInput> in = List.of(new StatementInput("a threat here", null));
        Manifest plain = new FixedModel().manifest();
        Manifest hot = new Manifest(plain.schemaVersion(), plain.id(), plain.name(), plain.version(), "ensemble",
                plain.tasks(), plain.weights(), plain.features(), plain.hyperparameters(), plain.trainingData(),
                plain.metrics(), Map.of("stance", 2.0, "openness", 2.0), plain.libraries(), plain.gitCommit(),
                plain.createdAt(), plain.files());
        StatementPrediction averaged = new EnsembleModel(plain, members, weights).predict(in).get(0);
        StatementPrediction softened = new EnsembleModel(hot, members, weights).predict(in).get(0);
        for (Task t : Task.values()) {
            assertEquals(averaged.get(t).label(), softened.get(t).label());
            double top = averaged.get(t).p().get(averaged.get(t).label());
            double topSoft = softened.get(t).p().get(averaged.get(t).label());
            assertTrue(topSoft < top, t + ": " + topSoft + " should be below " + top);
            double[] p = t.labels().stream().mapToDouble(l -> averaged.get(t).p().get(l)).toArray();
            assertEquals(Probabilities.softmax(t.labels(), Probabilities.logits(p), 2.0), softened.get(t).p());
        }
    }
}

package dev.stance.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.evaluate.Evaluation;
import dev.stance.evaluate.Evaluator;
import dev.stance.model.Checksums;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.ModelDirectory;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.ensemble.EnsembleConfig;
import dev.stance.model.ensemble.EnsembleFamily;
import dev.stance.model.ensemble.EnsembleModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds an ensemble of exported models (equal weights): pins each member by its manifest hash, measures the
 * average on the dev records, and exports a model folder holding only the manifest. Its training data is the
 * union of its members'.
 */
public final class EnsembleTrainer {
    private EnsembleTrainer() {
    }

    public static Path export(ModelStore store, List<String> memberIds, List<Statement> dev, Path root, String name,
                              PrintStream log) throws IOException {
        return export(store, memberIds, dev, null, root, name, log);
    }

    /**
     * The same, recording the cross-validation of the members' ensemble ({@code cv}: a {@code cv --combine}
     * report, or null); its out-of-fold temperature becomes the ensemble's own, applied after averaging.
     */
    public static Path export(ModelStore store, List<String> memberIds, List<Statement> dev, ObjectNode cv, Path root,
                              String name, PrintStream log) throws IOException {
        if (memberIds.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two --members");
        }
        List<EnsembleConfig.Member> members = new ArrayList<>();
        List<Manifest.DataFile> data = new ArrayList<>();
        List<List<StatementPrediction>> each = new ArrayList<>();
        List<StatementInput> inputs = dev.stream().map(s -> new StatementInput(s.text(), s.context())).toList();
        for (String id : memberIds) {
            Path dir = store.resolve(id);
            if (!dir.toAbsolutePath().getParent().equals(root.toAbsolutePath())) {
                throw new IllegalArgumentException("member " + id + " must live in " + root + " beside the ensemble");
            }
            Manifest m = ModelDirectory.verify(dir);
            members.add(new EnsembleConfig.Member(m.id(), Checksums.sha256(dir.resolve(ModelDirectory.MANIFEST)), 1.0));
            m.trainingData().stream().filter(f -> !data.contains(f)).forEach(data::add);
            if (!dev.isEmpty()) {
                try (StanceModel model = ModelStore.load(dir)) {
                    each.add(model.predict(inputs));
                }
            }
        }
        ObjectNode metrics = Json.MAPPER.createObjectNode();
        if (!dev.isEmpty()) {
            double[] w = members.stream().mapToDouble(EnsembleConfig.Member::weight).toArray();
            Evaluation ev = Evaluator.evaluate(name, dev, EnsembleModel.combine(each, w));
            for (Task t : Task.values()) {
                log.printf(Locale.ROOT, "dev %-9s macro-F1 %.3f, accuracy %.3f (n=%d)%n", t.key(), ev.macroF1(t),
                        ev.tasks().get(t).accuracy(), ev.tasks().get(t).n());
            }
            metrics.set("dev", Evaluation.headline(ev.tasks()));
        }
        Map<String, Double> temperature = null;
        if (cv != null) {
            metrics.set("cv", cv);
            temperature = new LinkedHashMap<>();
            for (Task t : Task.values()) {
                temperature.put(t.key(), cv.path("calibration").path(t.key()).path("temperature").asDouble(1.0));
            }
        }
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("members", memberIds);
        hyper.put("weights", "equal");
        var d = new ModelExporter.Description(EnsembleFamily.NAME, ModelExporter.taskLabels(),
                Json.MAPPER.valueToTree(new EnsembleConfig(members)), hyper, data, metrics, temperature);
        return ModelExporter.export(root, name, d, tmp -> Map.of());
    }
}

package dev.stance.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.evaluate.Evaluation;
import dev.stance.evaluate.Evaluator;
import dev.stance.model.Json;
import dev.stance.model.ngram.NgramFamily;
import dev.stance.model.ngram.NgramTribuoModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The whole training job of the n-gram family: cross-validate on the training records, fit on all of them,
 * measure the fitted model on the dev records, and export weights and manifest (figures included) atomically.
 */
public final class NgramFamilyTrainer {
    private NgramFamilyTrainer() {
    }

    public static Path trainAndExport(TrainConfig config, List<Path> files, List<Statement> train,
                                      List<Statement> dev, Path root, String name, PrintStream log)
            throws IOException {
        NgramTrainer trainer = new NgramTrainer(config);
        ObjectNode metrics = Json.MAPPER.createObjectNode();
        if (config.folds() > 1) {
            long t0 = System.nanoTime();
            CrossValidation.Result cv = CrossValidation.run(trainer, train, config.folds());
            ObjectNode cvNode = Evaluation.headline(cv.pooled());
            for (Task t : Task.values()) {
                double[] f = cv.foldMacroF1().get(t);
                ((ObjectNode) cvNode.get(t.key())).put("fold_macro_f1_std", std(f));
                log.printf(Locale.ROOT, "cv %-9s macro-F1 %.3f (fold std %.3f), accuracy %.3f%n", t.key(),
                        cv.pooled().get(t).macroF1(), std(f), cv.pooled().get(t).accuracy());
            }
            cvNode.put("folds", config.folds());
            metrics.set("cv", cvNode);
            log.printf(Locale.ROOT, "cross-validation took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        long t0 = System.nanoTime();
        Map<Task, Model<Label>> models = trainer.train(train);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        log.printf(Locale.ROOT, "trained on %d records in %.1f s%n", train.size(), trainSeconds);
        metrics.put("train_seconds", trainSeconds);
        metrics.put("train_records", train.size());

        if (!dev.isEmpty()) {
            // Same predict path as the exported model; the round-trip test checks export -> load is lossless.
            var inMemory = new NgramTribuoModel(ModelExporter.inTraining(name, NgramFamily.NAME, null, null),
                    config.features(), models);
            Evaluation ev = Evaluator.evaluate(inMemory, dev);
            for (Task t : Task.values()) {
                log.printf(Locale.ROOT, "dev %-9s macro-F1 %.3f, accuracy %.3f (n=%d)%n", t.key(),
                        ev.macroF1(t), ev.tasks().get(t).accuracy(), ev.tasks().get(t).n());
            }
            metrics.set("dev", Evaluation.headline(ev.tasks()));
        }
        return export(config, files, models, metrics, null, root, name);
    }

    /** Exports trained per-task models with their metrics (and temperatures, when fitted) as {@code root/name-vN}. */
    public static Path export(TrainConfig config, List<Path> files, Map<Task, Model<Label>> models, ObjectNode metrics,
                              Map<String, Double> temperature, Path root, String name) throws IOException {
        var d = new ModelExporter.Description(NgramFamily.NAME, ModelExporter.taskLabels(), Json.MAPPER.valueToTree(config.features()),
                config.hyperparameters(), ModelExporter.dataFiles(files), metrics, temperature);
        return ModelExporter.export(root, name, d, ModelExporter.tribuoHeads(models));
    }

    static double std(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / Math.max(1, v.length - 1));
    }

}

package dev.stance.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.encoder.EmbeddingCache;
import dev.stance.encoder.Encoded;
import dev.stance.evaluate.Evaluation;
import dev.stance.evaluate.Evaluator;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.StatementInput;
import dev.stance.model.mbert.EncoderFeatures;
import dev.stance.model.mbert.MbertConfig;
import dev.stance.model.mbert.MbertTribuoFamily;
import dev.stance.model.mbert.MbertTribuoModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * mbert-tribuo: encode statement + context with frozen multilingual BERT (through the embedding cache), pool
 * ({@link EncoderFeatures}), fit a Tribuo logistic regression per task, calibrate a temperature per task on
 * the dev records, and export.
 */
public final class MbertTribuoTrainer {
    private MbertTribuoTrainer() {
    }

    static List<Encoded> encode(List<Statement> data, MbertTrainConfig c, EmbeddingCache cache, PrintStream log) {
        List<StatementInput> in = data.stream().map(s -> new StatementInput(s.text(), s.context())).toList();
        return cache.encode(in, 256, log);
    }

    static EmbeddingCache cache(MbertTrainConfig c) {
        MbertConfig mc = encoderConfig(c, false);
        return new EmbeddingCache(EmbeddingCache.defaultDir(), mc.encoder(), mc::openEncoder);
    }

    public static Path trainAndExport(MbertTrainConfig c, List<Path> files, List<Statement> train, List<Statement> dev,
                                      Path root, String name, PrintStream log) throws IOException {
        List<Encoded> trainEnc;
        List<Encoded> devEnc;
        try (EmbeddingCache cache = cache(c)) {
            trainEnc = encode(train, c, cache, log);
            devEnc = encode(dev, c, cache, log);
        }
        return trainAndExport(c, files, train, trainEnc, dev, devEnc, root, name, log);
    }

    /** The same, from encoder outputs aligned with {@code train} and {@code dev}. */
    public static Path trainAndExport(MbertTrainConfig c, List<Path> files, List<Statement> train, List<Encoded> trainEnc,
                                      List<Statement> dev, List<Encoded> devEnc, Path root, String name,
                                      PrintStream log) throws IOException {
        long t0 = System.nanoTime();
        Map<Task, Model<Label>> heads = new EnumMap<>(Task.class);
        for (Task task : Task.values()) {
            heads.put(task, fit(task, train, trainEnc, c));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.printf(Locale.ROOT, "trained heads on %d records in %.1f s%n", train.size(), seconds);
        MbertConfig mc = encoderConfig(c, c.attention());
        Map<String, Double> temperature = new LinkedHashMap<>();
        ObjectNode metrics = Json.MAPPER.createObjectNode();
        metrics.put("train_seconds", seconds);
        metrics.put("train_records", train.size());
        if (!dev.isEmpty()) {
            var uncalibrated = new MbertTribuoModel(provisional(name, null, mc), mc, null, heads)
                    .predictEncoded(devEnc);
            temperature.putAll(Calibration.fitTemperatures(dev, uncalibrated, log));
            var calibrated = new MbertTribuoModel(provisional(name, temperature, mc), mc, null, heads);
            Evaluation ev = Evaluator.evaluate(name, dev, calibrated.predictEncoded(devEnc));
            for (Task t : Task.values()) {
                log.printf(Locale.ROOT, "dev %-9s macro-F1 %.3f, accuracy %.3f (n=%d)%n", t.key(), ev.macroF1(t),
                        ev.tasks().get(t).accuracy(), ev.tasks().get(t).n());
            }
            metrics.set("dev", Evaluation.headline(ev.tasks()));
        }
        return export(c, files, heads, metrics, temperature.isEmpty() ? null : temperature, root, name);
    }

    /** Exports trained per-task heads with their metrics and temperatures as {@code root/name-vN}. */
    public static Path export(MbertTrainConfig c, List<Path> files, Map<Task, Model<Label>> heads, ObjectNode metrics,
                              Map<String, Double> temperature, Path root, String name) throws IOException {
        MbertConfig mc = encoderConfig(c, c.attention());
        var d = new ModelExporter.Description(MbertTribuoFamily.NAME, ModelExporter.taskLabels(), Json.MAPPER.valueToTree(mc),
                c.hyperparameters(), ModelExporter.dataFiles(files), metrics, temperature);
        return ModelExporter.export(root, name, d, ModelExporter.tribuoHeads(heads));
    }

    static Model<Label> fit(Task task, List<Statement> data, List<Encoded> enc, MbertTrainConfig c) {
        MbertConfig mc = encoderConfig(c, c.attention());
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(
                new SimpleDataSourceProvenance("stance statements, mBERT features (" + task.key() + ")", factory), factory);
        Map<String, Integer> counts = new HashMap<>();
        data.stream().filter(s -> s.label(task) != null).forEach(s -> counts.merge(s.label(task), 1, Integer::sum));
        int n = counts.values().stream().mapToInt(Integer::intValue).sum();
        String[] names = null;
        for (int i = 0; i < data.size(); i++) {
            String label = data.get(i).label(task);
            if (label == null) {
                continue;
            }
            double[] f = EncoderFeatures.of(enc.get(i), mc);
            if (names == null) {
                names = EncoderFeatures.names(f.length);
            }
            var ex = new ArrayExample<>(new Label(label), names, f);
            if (c.classWeighting()) {
                ex.setWeight((float) (n / (double) (counts.size() * counts.get(label))));
            }
            ds.add(ex);
        }
        var trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(c.learningRate(), 0.1), c.epochs(),
                Integer.MAX_VALUE, 1, c.seed());
        return trainer.train(ds);
    }

    /** The scoring-time encoder settings of a training config. */
    static MbertConfig encoderConfig(MbertTrainConfig c, boolean attention) {
        String encoder = MbertConfig.encoderId(c.layers(), c.extraLayer(), c.separateContext(), c.contextWeight());
        return new MbertConfig(encoder, c.contextWeight(), c.batchSize(), attention, c.layers(), c.separateContext(),
                c.extraLayer(), c.cls());
    }

    static Manifest provisional(String name, Map<String, Double> temperature, MbertConfig mc) {
        return ModelExporter.inTraining(name, MbertTribuoFamily.NAME, Json.MAPPER.valueToTree(mc), temperature);
    }
}

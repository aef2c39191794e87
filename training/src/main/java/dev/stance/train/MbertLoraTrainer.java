package dev.stance.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.encoder.BaseWeights;
import dev.stance.encoder.EmbeddingCache;
import dev.stance.encoder.Encoded;
import dev.stance.evaluate.Evaluation;
import dev.stance.evaluate.Evaluator;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.StatementInput;
import dev.stance.model.lora.LoraConfig;
import dev.stance.model.lora.LoraTransformer;
import dev.stance.model.lora.MbertLoraFamily;
import dev.stance.model.lora.MbertLoraModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains mbert-lora: the frozen encoder's token vectors below the adapted layers are computed once (embedding
 * cache), then adapters and heads are trained end to end through the adapted layers with AdamW (linear warm-up
 * and decay, decoupled weight decay), class-weighted cross-entropy summed over both tasks. With a teacher
 * ({@link LoraTrainConfig#teacher()}) each task's loss also learns the teacher's softened probabilities: how a
 * shallow student ({@link LoraTrainConfig#layers()} below 12) is distilled from the default.
 */
public final class MbertLoraTrainer {
    private static final Task[] OUTPUTS = {Task.STANCE, Task.OPENNESS};

    private MbertLoraTrainer() {
    }

    /** The embedding cache of the frozen part of a config's encoder. */
    static EmbeddingCache cache(LoraTrainConfig c) {
        var enc = config(c, List.of()).encoderConfig();
        return new EmbeddingCache(EmbeddingCache.defaultDir(), enc.encoder(), enc::openEncoder);
    }

    /** Frozen-encoder outputs of {@code data}, through the cache. */
    static List<Encoded> encode(List<Statement> data, LoraTrainConfig c, PrintStream log) {
        try (EmbeddingCache cache = cache(c)) {
            return cache.encode(data.stream().map(s -> new StatementInput(s.text(), null)).toList(), 256, log);
        }
    }

    /** The manifest features of a model trained with {@code c} on base layers with these hashes. */
    static LoraConfig config(LoraTrainConfig c, List<String> baseSha256) {
        return new LoraConfig(LoraConfig.encoderId(c.frozenLayers()), c.batchSize(), c.frozenLayers(), c.rank(),
                c.alpha(), baseSha256, c.layers());
    }

    /** The base weights of the layers {@code c} adapts. */
    static List<BaseWeights.Layer> baseLayers(LoraTrainConfig c) {
        List<BaseWeights.Layer> layers = new ArrayList<>();
        for (int l = c.frozenLayers() + 1; l <= c.layers(); l++) {
            layers.add(BaseWeights.layer(l));
        }
        return layers;
    }

    /**
     * Trains on {@code train} (aligned encodings {@code enc}); records may repeat. The returned model has no
     * encoder and temperature 1; it scores encodings of the same frozen encoder.
     */
    public static MbertLoraModel fit(LoraTrainConfig c, List<Statement> train, List<Encoded> enc, PrintStream log) {
        List<BaseWeights.Layer> base = baseLayers(c);
        Engine engine = LoraTransformer.engine();
        engine.setRandomSeed((int) c.seed());
        int[] outputs = {Task.STANCE.labels().size(), Task.OPENNESS.labels().size()};
        LoraTransformer t = LoraTransformer.init(base, c.rank(), c.alpha(), c.dropout(), outputs, c.seed());
        float[][] classWeights = new float[OUTPUTS.length][];
        for (int o = 0; o < OUTPUTS.length; o++) {
            double[] w = MbertDl4jTrainer.classWeights(OUTPUTS[o], train, c.classWeighting());
            classWeights[o] = new float[w.length];
            for (int j = 0; j < w.length; j++) {
                classWeights[o][j] = (float) w[j];
            }
        }
        List<NDArray> params = t.parameters();
        for (NDArray p : params) {
            p.setRequiresGradient(true);
        }
        TeacherLabels teacher = c.teacher() == null ? null : TeacherLabels.read(Path.of(c.teacher()));
        if (teacher != null) {
            long found = train.stream().filter(s -> teacher.get(s.id(), Task.STANCE) != null).count();
            if (found == 0) {
                throw new IllegalArgumentException("teacher " + c.teacher() + " predicted none of the " + train.size()
                        + " training records (matched by id)");
            }
            log.printf(Locale.ROOT, "mbert-lora: distilling from %s (%d of %d training records), weight %.2f, T %.1f%n",
                    c.teacher(), found, train.size(), c.distillWeight(), c.distillTemperature());
        }
        AdamW adam = new AdamW(t.manager(), params, c.weightDecay());
        Random rng = new Random(c.seed());
        int steps = c.epochs() * ((train.size() + c.minibatch() - 1) / c.minibatch());
        int warm = Math.max(1, (int) Math.round(steps * c.warmup()));
        log.printf(Locale.ROOT, "mbert-lora: layers %d-%d adapted at rank %d (%,d trainable values), %d records,"
                + " %d epochs, %d steps%n", c.frozenLayers() + 1, c.layers(), c.rank(), t.parameterCount(),
                train.size(), c.epochs(), steps);
        int step = 0;
        int skipped = 0;
        for (int epoch = 1; epoch <= c.epochs(); epoch++) {
            long t0 = System.nanoTime();
            double lossSum = 0;
            int batches = 0;
            for (List<Integer> idx : MbertDl4jTrainer.minibatches(enc, c.minibatch(), rng)) {
                step++;
                double schedule = step <= warm ? step / (double) warm : Math.max(0, (steps - step) / (double) (steps - warm));
                float value;
                try (NDManager m = t.manager().newSubManager();
                     GradientCollector gc = engine.newGradientCollector()) {
                    NDList in = LoraTransformer.batch(m, idx.stream().map(enc::get).toList());
                    NDList logits = t.forward(in.get(0), in.get(1), true);
                    NDArray loss = null;
                    for (int o = 0; o < OUTPUTS.length; o++) {
                        NDArray l = weightedCrossEntropy(m, logits.get(o), OUTPUTS[o], idx, train, classWeights[o]);
                        if (teacher != null) {
                            NDArray d = distillation(m, logits.get(o), OUTPUTS[o], idx, train, teacher,
                                    c.distillTemperature());
                            float lambda = (float) c.distillWeight();
                            l = l == null ? (d == null ? null : d.mul(lambda))
                                    : d == null ? l : l.mul(1 - lambda).add(d.mul(lambda));
                        }
                        if (l != null) {
                            loss = loss == null ? l : loss.add(l);
                        }
                    }
                    if (loss == null) {
                        continue;
                    }
                    value = loss.getFloat();
                    if (Float.isFinite(value)) {
                        gc.backward(loss);
                    }
                }
                // A non-finite loss or gradient skips the step (the weights stay finite); many such steps stop training.
                double norm = Float.isFinite(value) ? adam.gradientNorm() : Double.NaN;
                if (!Double.isFinite(norm)) {
                    adam.zeroGradients();
                    if (++skipped > Math.max(3, steps / 20)) {
                        throw new IllegalStateException("mbert-lora: " + skipped + " steps with a non-finite loss or"
                                + " gradient by step " + step + "; lower learning_rate or set max_grad_norm");
                    }
                    continue;
                }
                double clip = c.maxGradNorm() > 0 && norm > c.maxGradNorm() ? c.maxGradNorm() / norm : 1;
                adam.step(c.learningRate() * schedule, c.headLearningRate() * schedule, clip);
                lossSum += value;
                batches++;
            }
            log.printf(Locale.ROOT, "epoch %d/%d: loss %.4f, %.0f s%s%n", epoch, c.epochs(), lossSum / Math.max(1, batches),
                    (System.nanoTime() - t0) / 1e9, skipped == 0 ? "" : " (" + skipped + " steps skipped so far)");
        }
        for (NDArray p : params) {
            p.setRequiresGradient(false);
        }
        adam.close();
        Manifest provisional = ModelExporter.inTraining("training", MbertLoraFamily.NAME,
                Json.MAPPER.valueToTree(config(c, base.stream().map(BaseWeights.Layer::sha256).toList())), null);
        return new MbertLoraModel(provisional, null, t);
    }

    /** Σ w(y)·(−log p(y)) / Σ w(y) over the rows that have a label for {@code task}; null when none has. */
    private static NDArray weightedCrossEntropy(NDManager m, NDArray logits, Task task, List<Integer> idx,
                                                List<Statement> train, float[] classWeights) {
        int k = task.labels().size();
        float[] target = new float[idx.size() * k];
        float total = 0;
        for (int r = 0; r < idx.size(); r++) {
            String label = train.get(idx.get(r)).label(task);
            if (label != null) {
                int j = task.labels().indexOf(label);
                target[r * k + j] = classWeights[j];
                total += classWeights[j];
            }
        }
        if (total == 0) {
            return null;
        }
        NDArray w = m.create(target, new Shape(idx.size(), k));
        return logits.logSoftmax(-1).mul(w).sum().neg().div(total);
    }

    /**
     * T²·mean over rows of −Σ q_T·log softmax(z/T), where q_T is the teacher's distribution at temperature T: the
     * KL divergence to the teacher up to a constant, scaled by T² so its gradients keep their size as T changes
     * (Hinton et al., 2015). Null when the teacher predicted none of the rows.
     */
    static NDArray distillation(NDManager m, NDArray logits, Task task, List<Integer> idx, List<Statement> train,
                                TeacherLabels teacher, double temperature) {
        int k = task.labels().size();
        float[] target = new float[idx.size() * k];
        int rows = 0;
        for (int r = 0; r < idx.size(); r++) {
            float[] p = teacher.get(train.get(idx.get(r)).id(), task);
            if (p != null) {
                System.arraycopy(TeacherLabels.soften(p, temperature), 0, target, r * k, k);
                rows++;
            }
        }
        if (rows == 0) {
            return null;
        }
        NDArray q = m.create(target, new Shape(idx.size(), k));
        return logits.div((float) temperature).logSoftmax(-1).mul(q).sum().neg()
                .mul((float) (temperature * temperature / rows));
    }

    /**
     * Trains on {@code train}; when {@code dev} is not empty, fits the temperatures on it and records its
     * figures; exports as {@code root/name-vN}.
     */
    public static Path trainAndExport(LoraTrainConfig c, List<Path> files, List<Statement> train, List<Statement> dev,
                                      Path root, String name, PrintStream log) throws IOException {
        List<Encoded> trainEnc = encode(train, c, log);
        long t0 = System.nanoTime();
        MbertLoraModel model = fit(c, train, trainEnc, log);
        ObjectNode metrics = Json.MAPPER.createObjectNode();
        metrics.put("train_seconds", (System.nanoTime() - t0) / 1e9);
        metrics.put("train_records", train.size());
        Map<String, Double> temperature = null;
        if (!dev.isEmpty()) {
            List<Encoded> devEnc = encode(dev, c, log);
            temperature = Calibration.fitTemperatures(dev, model.predictEncoded(devEnc), log);
            var calibrated = new MbertLoraModel(ModelExporter.inTraining(name, MbertLoraFamily.NAME,
                    model.manifest().features(), temperature), null, model.transformer());
            Evaluation ev = Evaluator.evaluate(name, dev, calibrated.predictEncoded(devEnc));
            for (Task t : Task.values()) {
                log.printf(Locale.ROOT, "dev %-9s macro-F1 %.3f (n=%d)%n", t.key(), ev.macroF1(t), ev.tasks().get(t).n());
            }
            metrics.set("dev", Evaluation.headline(ev.tasks()));
        }
        try {
            return export(c, files, model, metrics, temperature, root, name);
        } finally {
            model.close();
        }
    }

    /** Exports a trained model as {@code root/name-vN}: the adapter file and the manifest. */
    public static Path export(LoraTrainConfig c, List<Path> files, MbertLoraModel model, ObjectNode metrics,
                              Map<String, Double> temperature, Path root, String name) throws IOException {
        var d = new ModelExporter.Description(MbertLoraFamily.NAME, ModelExporter.taskLabels(),
                model.manifest().features(), c.hyperparameters(), ModelExporter.dataFiles(files), metrics, temperature);
        byte[] bytes = model.transformer().encode();
        return ModelExporter.export(root, name, d, tmp -> {
            Files.write(tmp.resolve(MbertLoraFamily.ADAPTERS_FILE), bytes);
            return Map.of(MbertLoraFamily.ADAPTERS_KEY, MbertLoraFamily.ADAPTERS_FILE);
        });
    }

    /** AdamW with separate learning rates for adapters and heads; matrices decay, biases do not. */
    private static final class AdamW implements AutoCloseable {
        private static final float B1 = 0.9f;
        private static final float B2 = 0.999f;
        private static final float EPS = 1e-8f;
        private final NDManager state;
        private final Map<NDArray, NDArray[]> moments = new IdentityHashMap<>();
        private final double weightDecay;
        private int t;

        AdamW(NDManager parent, List<NDArray> params, double weightDecay) {
            this.state = parent.newSubManager();
            this.weightDecay = weightDecay;
            for (NDArray p : params) {
                moments.put(p, new NDArray[] {state.zeros(p.getShape()), state.zeros(p.getShape())});
            }
        }

        /** The L2 norm of all gradients together (NaN or infinite when one is). */
        double gradientNorm() {
            double sum = 0;
            for (NDArray p : moments.keySet()) {
                try (NDScope scratch = new NDScope()) {
                    sum += p.getGradient().square().sum().getFloat();
                }
            }
            return Math.sqrt(sum);
        }

        void zeroGradients() {
            for (NDArray p : moments.keySet()) {
                try (NDScope scratch = new NDScope()) {
                    NDArray g = p.getGradient();
                    g.set(new NDIndex("..."), 0); // fill: g - g would keep a NaN
                }
            }
        }

        /** One AdamW update with the gradients scaled by {@code clip} (1: unclipped), then zeroes them. */
        void step(double adapterLr, double headLr, double clip) {
            t++;
            double c1 = 1 - Math.pow(B1, t);
            double c2 = 1 - Math.pow(B2, t);
            for (var e : moments.entrySet()) {
                NDArray p = e.getKey();
                double lr = p.getName().startsWith("head/") ? headLr : adapterLr;
                try (NDScope scratch = new NDScope()) { // closes the gradient handle and every temporary
                    NDArray g = p.getGradient();
                    NDArray gc = clip == 1 ? g : g.mul(clip);
                    NDArray[] mv = e.getValue();
                    mv[0].muli(B1).addi(gc.mul(1 - B1));
                    mv[1].muli(B2).addi(gc.square().mul(1 - B2));
                    // Updates go through a detached view of the same storage: PyTorch refuses in-place changes
                    // to a leaf that requires grad whenever grad mode is on, which DJL leaves to thread state.
                    NDArray w = p.stopGradient();
                    if (weightDecay > 0 && p.getShape().dimension() > 1) {
                        w.subi(w.mul(lr * weightDecay));
                    }
                    w.subi(mv[0].div(c1).div(mv[1].div(c2).sqrt().add(EPS)).mul(lr));
                    g.subi(g); // zero the gradient in place for the next step
                }
            }
        }

        @Override
        public void close() {
            state.close();
        }
    }
}

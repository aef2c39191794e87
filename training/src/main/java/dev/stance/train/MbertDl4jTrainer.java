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
import dev.stance.model.StatementPrediction;
import dev.stance.model.mbert.MbertConfig;
import dev.stance.model.mbert.MbertDl4jFamily;
import dev.stance.model.mbert.MbertDl4jModel;
import dev.stance.model.mbert.SequenceBatch;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * mbert-dl4j: a DL4J ComputationGraph on the frozen encoder's token vectors. A width-3 convolution (or, with
 * {@code "head": "pool"}, nothing) reads the
 * statement and context word pieces; masked max- and mean-pooling over time give a fixed vector; a dense layer
 * with dropout feeds two softmax outputs, stance and openness, trained jointly (multi-task) with
 * class-weighted cross-entropy. Training stops early on the dev records' mean macro-F1 and keeps the best
 * epoch's parameters; a temperature per task is then fitted on dev.
 */
public final class MbertDl4jTrainer {
    private MbertDl4jTrainer() {
    }

    static ComputationGraphConfiguration graph(MbertTrainConfig c, int dim, double[] stanceWeights, double[] opennessWeights) {
        double retain = 1 - c.dropout(); // DL4J's dropOut(x) is the probability of keeping a unit
        var b = new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .updater(new Adam(c.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .l2(1e-4)
                .graphBuilder()
                .addInputs("tokens")
                .setInputTypes(InputType.recurrent(dim));
        String pooledFrom = "tokens";
        if (c.head().equals("conv")) {
            b.addLayer("conv", new Convolution1DLayer.Builder().kernelSize(3).stride(1)
                    .convolutionMode(ConvolutionMode.Same).nOut(c.hidden()).activation(Activation.RELU)
                    .dropOut(retain).build(), "tokens");
            pooledFrom = "conv";
        }
        return b.addLayer("max", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), pooledFrom)
                .addLayer("avg", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), pooledFrom)
                .addVertex("pooled", new MergeVertex(), "max", "avg")
                .addLayer("dense", new DenseLayer.Builder().nOut(c.hidden()).activation(Activation.RELU)
                        .dropOut(retain).build(), "pooled")
                .addLayer("stance", new OutputLayer.Builder(new LossMCXENT(Nd4j.create(stanceWeights)))
                        .nOut(Task.STANCE.labels().size()).activation(Activation.SOFTMAX).build(), "dense")
                .addLayer("openness", new OutputLayer.Builder(new LossMCXENT(Nd4j.create(opennessWeights)))
                        .nOut(Task.OPENNESS.labels().size()).activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("stance", "openness")
                .build();
    }

    static double[] classWeights(Task task, List<Statement> data, boolean enabled) {
        double[] w = new double[task.labels().size()];
        java.util.Arrays.fill(w, 1.0);
        if (!enabled) {
            return w;
        }
        long n = data.stream().filter(s -> s.label(task) != null).count();
        for (int j = 0; j < w.length; j++) {
            String l = task.labels().get(j);
            long c = data.stream().filter(s -> l.equals(s.label(task))).count();
            w[j] = c == 0 ? 1.0 : n / (double) (w.length * c);
        }
        return w;
    }

    static MultiDataSet batch(List<Statement> data, List<Encoded> enc, List<Integer> idx) {
        INDArray[] in = SequenceBatch.of(idx.stream().map(enc::get).toList());
        INDArray[] labels = new INDArray[2];
        INDArray[] labelMasks = new INDArray[2];
        Task[] tasks = {Task.STANCE, Task.OPENNESS};
        for (int o = 0; o < 2; o++) {
            Task t = tasks[o];
            float[][] y = new float[idx.size()][t.labels().size()];
            float[][] m = new float[idx.size()][1];
            for (int k = 0; k < idx.size(); k++) {
                String l = data.get(idx.get(k)).label(t);
                if (l != null) {
                    y[k][t.labels().indexOf(l)] = 1;
                    m[k][0] = 1;
                }
            }
            labels[o] = Nd4j.create(y);
            labelMasks[o] = Nd4j.create(m);
        }
        return new MultiDataSet(new INDArray[] {in[0]}, labels, new INDArray[] {in[1]}, labelMasks);
    }

    /** Minibatches of similar length (less padding), in a seeded random order. */
    static List<List<Integer>> minibatches(List<Encoded> enc, int size, Random rng) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < enc.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, rng);
        order.sort(Comparator.comparingInt(i -> enc.get(i).tokens() / 8));
        List<List<Integer>> out = new ArrayList<>();
        for (int from = 0; from < order.size(); from += size) {
            out.add(new ArrayList<>(order.subList(from, Math.min(order.size(), from + size))));
        }
        Collections.shuffle(out, rng);
        return out;
    }

    public static Path trainAndExport(MbertTrainConfig c, List<Path> files, List<Statement> train, List<Statement> dev,
                                      Path root, String name, PrintStream log) throws IOException {
        if (dev.isEmpty()) {
            throw new IllegalArgumentException("mbert-dl4j needs dev records (split \"dev\") for early stopping");
        }
        List<Encoded> trainEnc;
        List<Encoded> devEnc;
        try (EmbeddingCache cache = MbertTribuoTrainer.cache(c)) {
            trainEnc = MbertTribuoTrainer.encode(train, c, cache, log);
            devEnc = MbertTribuoTrainer.encode(dev, c, cache, log);
        }
        return trainAndExport(c, files, train, trainEnc, dev, devEnc, root, name, log);
    }

    /** The same, from encoder outputs aligned with {@code train} and {@code dev}. */
    public static Path trainAndExport(MbertTrainConfig c, List<Path> files, List<Statement> train, List<Encoded> trainEnc,
                                      List<Statement> dev, List<Encoded> devEnc, Path root, String name,
                                      PrintStream log) throws IOException {
        Fit fit = fit(c, train, trainEnc, dev, devEnc, name, log);
        MbertConfig mc = MbertTribuoTrainer.encoderConfig(c, false);
        List<StatementPrediction> uncal = new MbertDl4jModel(provisional(name, null, mc), null, fit.graph())
                .predictEncoded(devEnc);
        Map<String, Double> temperature = Calibration.fitTemperatures(dev, uncal, log);
        Evaluation ev = Evaluator.evaluate(name, dev,
                new MbertDl4jModel(provisional(name, temperature, mc), null, fit.graph()).predictEncoded(devEnc));
        ObjectNode metrics = Json.MAPPER.createObjectNode();
        metrics.put("train_seconds", fit.seconds());
        metrics.put("train_records", train.size());
        metrics.put("best_epoch", fit.bestEpoch());
        metrics.set("dev", Evaluation.headline(ev.tasks()));
        return export(c, files, fit.graph(), temperature, metrics, root, name);
    }

    /** A trained head: its graph (best epoch's parameters), that epoch, and the training time. */
    public record Fit(ComputationGraph graph, int bestEpoch, double seconds) {
    }

    /**
     * Trains the head. With dev records it stops early on their mean macro-F1 and keeps the best epoch; with
     * none it trains exactly {@code c.epochs()} epochs (the count cross-validation chose).
     */
    public static Fit fit(MbertTrainConfig c, List<Statement> train, List<Encoded> trainEnc, List<Statement> dev,
                          List<Encoded> devEnc, String name, PrintStream log) {
        Nd4j.getRandom().setSeed(c.seed());
        ComputationGraph g = new ComputationGraph(graph(c, trainEnc.get(0).dim(),
                classWeights(Task.STANCE, train, c.classWeighting()), classWeights(Task.OPENNESS, train, c.classWeighting())));
        g.init();
        MbertConfig mc = MbertTribuoTrainer.encoderConfig(c, false);
        Random rng = new Random(c.seed());
        double best = -1;
        int bestEpoch = 0;
        INDArray bestParams = g.params().dup();
        long t0 = System.nanoTime();
        for (int epoch = 1; epoch <= c.epochs(); epoch++) {
            for (List<Integer> mb : minibatches(trainEnc, c.minibatch(), rng)) {
                g.fit(batch(train, trainEnc, mb));
            }
            if (dev.isEmpty()) {
                bestEpoch = epoch;
                continue;
            }
            var model = new MbertDl4jModel(provisional(name, null, mc), null, g);
            Evaluation ev = Evaluator.evaluate(name, dev, model.predictEncoded(devEnc));
            double score = (ev.macroF1(Task.STANCE) + ev.macroF1(Task.OPENNESS)) / 2;
            log.printf(Locale.ROOT, "epoch %2d: dev macro-F1 stance %.3f, openness %.3f%s%n", epoch,
                    ev.macroF1(Task.STANCE), ev.macroF1(Task.OPENNESS), score > best ? " (best)" : "");
            if (score > best) {
                best = score;
                bestEpoch = epoch;
                bestParams = g.params().dup();
            } else if (epoch - bestEpoch >= c.patience()) {
                log.printf(Locale.ROOT, "early stop: no dev improvement for %d epochs%n", c.patience());
                break;
            }
        }
        if (!dev.isEmpty()) {
            g.setParams(bestParams);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.printf(Locale.ROOT, "trained head in %.1f s; keeping epoch %d%n", seconds, bestEpoch);
        return new Fit(g, bestEpoch, seconds);
    }

    /** Exports a trained head with its temperatures and metrics as {@code root/name-vN}. */
    public static Path export(MbertTrainConfig c, List<Path> files, ComputationGraph g, Map<String, Double> temperature,
                              ObjectNode metrics, Path root, String name) throws IOException {
        MbertConfig mc = MbertTribuoTrainer.encoderConfig(c, false);
        var d = new ModelExporter.Description(MbertDl4jFamily.NAME, ModelExporter.taskLabels(), Json.MAPPER.valueToTree(mc),
                c.hyperparameters(), ModelExporter.dataFiles(files), metrics, temperature);
        return ModelExporter.export(root, name, d, tmp -> {
            Files.writeString(tmp.resolve(MbertDl4jFamily.CONFIG_FILE), g.getConfiguration().toJson(), StandardCharsets.UTF_8);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(tmp.resolve(MbertDl4jFamily.PARAMS_FILE))))) {
                Nd4j.write(g.params(), out);
            }
            Map<String, String> w = new LinkedHashMap<>();
            w.put("graph", MbertDl4jFamily.CONFIG_FILE);
            w.put("params", MbertDl4jFamily.PARAMS_FILE);
            return w;
        });
    }

    static Manifest provisional(String name, Map<String, Double> temperature, MbertConfig mc) {
        return ModelExporter.inTraining(name, MbertDl4jFamily.NAME, Json.MAPPER.valueToTree(mc), temperature);
    }
}

package dev.stance.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.evaluate.ClassMetrics;
import dev.stance.model.Checksums;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.ModelDirectory;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs a benchmark: the same statements through every model, quality with paired bootstrap intervals,
 * significance against a baseline, calibration, and (in a child JVM per model) speed and memory. The result
 * is one JSON tree, which {@link ReportWriter} turns into report.md and charts.
 */
public final class BenchmarkRunner {
    /** What to run. */
    public record Options(int resamples, long seed, boolean speed, int speedRepetitions, double speedMinSeconds,
                          int speedStatements) {
    }

    private final Options options;
    private final PrintStream log;

    public BenchmarkRunner(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public ObjectNode run(List<Path> models, String baselineId, List<Path> files, List<Statement> data) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode d = root.putObject("data");
        ArrayNode fileNodes = d.putArray("files");
        for (Path f : files) {
            ObjectNode o = fileNodes.addObject();
            o.put("path", f.toString());
            o.put("sha256", Checksums.sha256(f));
        }
        d.put("n", data.size());
        Map<String, Integer> langs = new TreeMap<>();
        data.forEach(s -> langs.merge(lang(s), 1, Integer::sum));
        langs.forEach(d.putObject("languages")::put);
        root.putObject("bootstrap").put("resamples", options.resamples()).put("seed", options.seed());

        Map<String, List<StatementPrediction>> predictions = new LinkedHashMap<>();
        ArrayNode modelNodes = root.putArray("models");
        List<StatementInput> inputs = data.stream().map(s -> new StatementInput(s.text(), s.context())).toList();
        for (Path dir : models) {
            Manifest m = ModelDirectory.verify(dir);
            log.printf("scoring %d statements with %s%n", data.size(), m.id());
            try (StanceModel model = ModelStore.load(dir)) {
                predictions.put(m.id(), model.predict(inputs));
            }
            ObjectNode node = modelNodes.addObject();
            node.put("id", m.id());
            node.put("family", m.family());
            node.put("size_mb", sizeMb(dir));
            node.set("quality", quality(data, predictions.get(m.id())));
            node.set("calibration", calibration(data, predictions.get(m.id())));
            if (options.speed()) {
                log.printf("measuring speed of %s in a separate JVM%n", m.id());
                node.set("speed", speed(dir, files));
            }
        }
        String baseline = baselineId != null ? baselineId : predictions.keySet().iterator().next();
        if (!predictions.containsKey(baseline)) {
            throw new IllegalArgumentException("baseline " + baseline + " is not among the benchmarked models");
        }
        root.put("baseline", baseline);
        for (JsonNode n : modelNodes) {
            ((ObjectNode) n).set("vs_baseline", versus(data, predictions.get(baseline), predictions.get(n.get("id").asText())));
        }
        return root;
    }

    static String lang(Statement s) {
        return s.lang() == null ? "und" : s.lang();
    }

    private ObjectNode quality(List<Statement> data, List<StatementPrediction> preds) {
        ObjectNode q = Json.MAPPER.createObjectNode();
        for (Task task : Task.values()) {
            List<Integer> rows = labelled(data, task, null);
            ObjectNode t = q.putObject(task.key());
            fill(t, task, data, preds, rows, true);
            ObjectNode byLang = t.putObject("by_lang");
            for (String lang : new java.util.TreeSet<>(data.stream().map(BenchmarkRunner::lang).toList())) {
                List<Integer> lr = labelled(data, task, lang);
                if (!lr.isEmpty()) {
                    fill(byLang.putObject(lang), task, data, preds, lr, false);
                }
            }
        }
        return q;
    }

    private void fill(ObjectNode t, Task task, List<Statement> data, List<StatementPrediction> preds, List<Integer> rows,
                      boolean details) {
        t.put("n", rows.size());
        if (rows.isEmpty()) { // undefined, not 0: a task the data has no label for
            t.putNull("macro_f1");
            t.putNull("accuracy");
            return;
        }
        List<String> gold = rows.stream().map(i -> data.get(i).label(task)).toList();
        List<String> pred = rows.stream().map(i -> preds.get(i).get(task).label()).toList();
        Bootstrap boot = new Bootstrap(rows.size(), options.resamples(), options.seed());
        t.set("macro_f1", interval(boot.interval(rows.size(),
                idx -> ClassMetrics.of(task.labels(), Bootstrap.pick(gold, idx), Bootstrap.pick(pred, idx)).macroF1())));
        t.set("accuracy", interval(boot.interval(rows.size(),
                idx -> ClassMetrics.of(task.labels(), Bootstrap.pick(gold, idx), Bootstrap.pick(pred, idx)).accuracy())));
        if (!details) {
            return;
        }
        ClassMetrics m = ClassMetrics.of(task.labels(), gold, pred);
        ObjectNode per = t.putObject("per_class");
        m.perClass().forEach((label, c) -> per.putObject(label).put("precision", c.precision())
                .put("recall", c.recall()).put("f1", c.f1()).put("support", c.support()));
        ObjectNode cm = t.putObject("confusion");
        var labels = cm.putArray("labels");
        task.labels().forEach(labels::add);
        var matrix = cm.putArray("matrix");
        for (long[] row : m.confusion()) {
            var r = matrix.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
    }

    private static ObjectNode interval(Bootstrap.Interval i) {
        return Json.MAPPER.createObjectNode().put("estimate", i.estimate()).put("low", i.low()).put("high", i.high());
    }

    private static List<Integer> labelled(List<Statement> data, Task task, String lang) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).label(task) != null && (lang == null || lang.equals(lang(data.get(i))))) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static ObjectNode calibration(List<Statement> data, List<StatementPrediction> preds) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        for (Task task : Task.values()) {
            List<double[]> probs = new ArrayList<>();
            List<Integer> gold = new ArrayList<>();
            for (int i : labelled(data, task, null)) {
                Map<String, Double> p = preds.get(i).get(task).p();
                probs.add(task.labels().stream().mapToDouble(p::get).toArray());
                gold.add(task.labels().indexOf(data.get(i).label(task)));
            }
            ObjectNode t = c.putObject(task.key());
            t.put("n", gold.size());
            if (gold.isEmpty()) {
                t.putNull("ece");
                t.putNull("brier");
                t.putArray("bins");
                continue;
            }
            t.put("ece", CalibrationStats.ece(probs, gold));
            t.put("brier", CalibrationStats.brier(probs, gold));
            ArrayNode bins = t.putArray("bins");
            for (CalibrationStats.Bin b : CalibrationStats.bins(probs, gold)) {
                bins.addObject().put("low", b.low()).put("high", b.high()).put("confidence", b.confidence())
                        .put("accuracy", b.accuracy()).put("count", b.count());
            }
        }
        return c;
    }

    private ObjectNode versus(List<Statement> data, List<StatementPrediction> base, List<StatementPrediction> other) {
        ObjectNode v = Json.MAPPER.createObjectNode();
        for (Task task : Task.values()) {
            List<Integer> rows = labelled(data, task, null);
            List<String> gold = rows.stream().map(i -> data.get(i).label(task)).toList();
            List<String> pb = rows.stream().map(i -> base.get(i).get(task).label()).toList();
            List<String> po = rows.stream().map(i -> other.get(i).get(task).label()).toList();
            ObjectNode t = v.putObject(task.key());
            t.put("n", rows.size());
            if (rows.isEmpty()) {
                for (String k : List.of("macro_f1_diff", "bootstrap_p", "mcnemar_baseline_only_right",
                        "mcnemar_model_only_right", "mcnemar_p")) {
                    t.putNull(k);
                }
                continue;
            }
            Bootstrap boot = new Bootstrap(rows.size(), options.resamples(), options.seed());
            var diff = boot.interval(rows.size(), idx -> ClassMetrics.of(task.labels(), Bootstrap.pick(gold, idx),
                    Bootstrap.pick(po, idx)).macroF1() - ClassMetrics.of(task.labels(), Bootstrap.pick(gold, idx),
                    Bootstrap.pick(pb, idx)).macroF1());
            double[] diffs = boot.values(idx -> ClassMetrics.of(task.labels(), Bootstrap.pick(gold, idx),
                    Bootstrap.pick(po, idx)).macroF1() - ClassMetrics.of(task.labels(), Bootstrap.pick(gold, idx),
                    Bootstrap.pick(pb, idx)).macroF1());
            int b = 0;
            int c = 0;
            for (int k = 0; k < gold.size(); k++) {
                boolean baseRight = gold.get(k).equals(pb.get(k));
                boolean otherRight = gold.get(k).equals(po.get(k));
                if (baseRight && !otherRight) {
                    b++;
                } else if (!baseRight && otherRight) {
                    c++;
                }
            }
            t.set("macro_f1_diff", interval(diff));
            t.put("bootstrap_p", PairedTests.bootstrapP(diffs));
            t.put("mcnemar_baseline_only_right", b);
            t.put("mcnemar_model_only_right", c);
            t.put("mcnemar_p", PairedTests.mcnemarP(b, c));
        }
        return v;
    }

    private ObjectNode speed(Path dir, List<Path> files) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx4g", "-Dorg.bytedeco.javacpp.logger=slf4j",
                "-cp", System.getProperty("java.class.path"), SpeedProbe.class.getName(), dir.toString(),
                Integer.toString(options.speedRepetitions()), Double.toString(options.speedMinSeconds())));
        files.forEach(f -> cmd.add(f.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        Process p = pb.start();
        String json = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(SpeedProbe.MARKER)) {
                    json = line.substring(SpeedProbe.MARKER.length());
                }
            }
        }
        try {
            int rc = p.waitFor();
            if (rc != 0 || json == null) {
                throw new IOException("speed probe for " + dir + " failed with exit code " + rc);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        ObjectNode s = (ObjectNode) Json.MAPPER.readTree(json);
        log.printf(Locale.ROOT, "  load %.1f s, batch 1: %.1f/s, batch 32: %.1f/s, peak RSS %.0f MB%n",
                s.get("load_seconds").asDouble(), s.get("batch_1").get("median").asDouble(),
                s.get("batch_32").get("median").asDouble(), s.get("peak_rss_mb").asDouble());
        return s;
    }

    private static double sizeMb(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long bytes = 0;
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(f);
            }
            return bytes / (1024.0 * 1024.0);
        }
    }

    /**
     * Models whose macro-F1 on a task falls more than {@code maxDrop} below the baseline's. A task without
     * labelled statements (macro-F1 null) has nothing to compare and never fails the gate.
     */
    public static List<String> gate(ObjectNode report, double maxDrop) {
        String baseline = report.get("baseline").asText();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        report.get("models").forEach(n -> byId.put(n.get("id").asText(), n));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : byId.entrySet()) {
            for (Task task : Task.values()) {
                JsonNode baseF1 = byId.get(baseline).get("quality").get(task.key()).get("macro_f1");
                JsonNode myF1 = e.getValue().get("quality").get(task.key()).get("macro_f1");
                if (baseF1.isNull() || myF1.isNull()) {
                    continue;
                }
                double base = baseF1.get("estimate").asDouble();
                double mine = myF1.get("estimate").asDouble();
                if (mine < base - maxDrop) {
                    failures.add(String.format(Locale.ROOT, "%s: %s macro-F1 %.3f is more than %.3f below baseline %s (%.3f)",
                            e.getKey(), task.key(), mine, maxDrop, baseline, base));
                }
            }
        }
        return failures;
    }
}

package dev.stance.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.benchmark.CalibrationStats;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.evaluate.ClassMetrics;
import dev.stance.evaluate.Evaluation;
import dev.stance.evaluate.Evaluator;
import dev.stance.model.Json;
import dev.stance.model.Probabilities;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Grouped k-fold cross-validation of a {@link FoldRecipe} on a target set (the real statements): folds keep a
 * group (a page's {@code url}, or a paraphrase family) together and are stratified by language × stance.
 * Each fold trains on the other folds' target records, repeated {@code targetWeight} times, plus every
 * {@code extra} record (the written corpus), and predicts its own; nothing of a fold's records is seen while
 * training the model that predicts them. With weight 0 the target is never trained on: one model, trained on
 * {@code extra} alone, predicts every fold.
 *
 * <p>Calibration is cross-fitted: each fold's probabilities are scaled by the temperature fitted on the other
 * folds' out-of-fold predictions, so the reported calibration error is measured on data the temperature did
 * not see. The temperature to ship is the one fitted on all out-of-fold predictions.
 */
public final class GroupedCrossValidation {
    private GroupedCrossValidation() {
    }

    /** How to cross-validate: fold count, weight of the target records in training, and the fold seed. */
    public record Options(int folds, int targetWeight, long seed) {
        public Options {
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2, got " + folds);
            }
            if (targetWeight < 0) {
                throw new IllegalArgumentException("target weight must be 0 or more, got " + targetWeight);
            }
        }
    }

    /**
     * Out-of-fold results.
     *
     * @param target the target records, in input order
     * @param fold each target record's fold
     * @param oof uncalibrated out-of-fold predictions, aligned with {@code target} (in the JSON as {@code oof},
     *            probabilities in the task's label order)
     * @param calibrated the same with cross-fitted temperatures
     * @param perFold macro-F1 of each fold, keyed {@code task} and {@code task/lang}
     * @param epochs the epoch count each fold's model kept (0 where the recipe does not stop early)
     * @param temperature per task, fitted on all out-of-fold predictions
     * @param seconds wall time of the whole run
     */
    public record Result(List<Statement> target, int[] fold, List<StatementPrediction> oof,
                         List<StatementPrediction> calibrated, Map<String, double[]> perFold, int[] epochs,
                         Map<String, Double> temperature, double seconds) {

        public double mean(String key) {
            return Arrays.stream(perFold.get(key)).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
        }

        public double sd(String key) {
            double[] v = Arrays.stream(perFold.get(key)).filter(x -> !Double.isNaN(x)).toArray();
            if (v.length < 2) {
                return Double.NaN;
            }
            double m = Arrays.stream(v).average().orElse(0);
            return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
        }

        /** Expected calibration error (10 bins) of the pooled out-of-fold predictions of a task. */
        public double ece(Task task, boolean afterScaling) {
            List<double[]> probs = new ArrayList<>();
            List<Integer> gold = new ArrayList<>();
            List<StatementPrediction> preds = afterScaling ? calibrated : oof;
            for (int i = 0; i < target.size(); i++) {
                String g = target.get(i).label(task);
                if (g != null) {
                    Map<String, Double> p = preds.get(i).get(task).p();
                    probs.add(task.labels().stream().mapToDouble(p::get).toArray());
                    gold.add(task.labels().indexOf(g));
                }
            }
            return CalibrationStats.ece(probs, gold);
        }

        /** The out-of-fold predictions scaled by one temperature per task (as an exported model scales them). */
        public List<StatementPrediction> calibratedWith(Map<String, Double> t) {
            return oof.stream().map(p -> scale(p, t)).toList();
        }

        /** Metrics of the pooled out-of-fold predictions per task. */
        public Map<Task, ClassMetrics> pooled() {
            return Evaluator.evaluate("cv", target, oof).tasks();
        }

        /** Keys of {@link #perFold()} in a stable order: each task, then its task/lang keys. */
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            for (Task t : Task.values()) {
                keys.add(t.key());
                keys.addAll(new TreeSet<>(perFold.keySet()).stream().filter(k -> k.startsWith(t.key() + "/")).toList());
            }
            return keys;
        }

        /** Everything as JSON: per-fold and mean ± sd macro-F1, pooled metrics, calibration. */
        public ObjectNode toJson() {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("folds", epochs.length);
            root.put("records", target.size());
            root.put("seconds", seconds);
            ObjectNode f1 = root.putObject("macro_f1");
            for (String k : keys()) {
                ObjectNode e = f1.putObject(k);
                e.put("mean", mean(k));
                e.put("sd", sd(k));
                ArrayNode a = e.putArray("folds");
                for (double v : perFold.get(k)) {
                    a.add(v);
                }
            }
            root.set("pooled", Evaluation.headline(pooled()));
            ObjectNode cal = root.putObject("calibration");
            for (Task t : Task.values()) {
                ObjectNode c = cal.putObject(t.key());
                c.put("ece_uncalibrated", ece(t, false));
                c.put("ece_cross_fitted_temperature", ece(t, true));
                c.put("temperature", temperature.get(t.key()));
            }
            ArrayNode preds = root.putArray("oof");
            for (int i = 0; i < target.size(); i++) {
                ObjectNode o = preds.addObject();
                o.put("id", target.get(i).id());
                o.put("fold", fold[i]);
                for (Task t : Task.values()) {
                    ArrayNode a = o.putArray(t.key());
                    Map<String, Double> p = oof.get(i).get(t).p();
                    t.labels().forEach(l -> a.add(p.get(l)));
                }
            }
            ArrayNode ep = root.putArray("epochs");
            for (int e : epochs) {
                ep.add(e);
            }
            return root;
        }

        /** The table the command prints: mean ± sd per task and language, then calibration. */
        public void print(PrintStream out, String title) {
            out.printf(Locale.ROOT, "%s: %d-fold grouped CV on %d records (%.0f s)%n", title, epochs.length,
                    target.size(), seconds);
            for (String k : keys()) {
                out.printf(Locale.ROOT, "  %-16s macro-F1 %.3f ± %.3f%n", k, mean(k), sd(k));
            }
            for (Task t : Task.values()) {
                out.printf(Locale.ROOT, "  %-16s ECE %.3f uncalibrated, %.3f with cross-fitted temperature (T=%.3f)%n",
                        t.key(), ece(t, false), ece(t, true), temperature.get(t.key()));
            }
        }
    }

    public static Result run(FoldRecipe recipe, List<Statement> target, List<Statement> extra, Options o,
                             PrintStream log) throws java.io.IOException {
        long t0 = System.nanoTime();
        List<Statement> all = new ArrayList<>(target);
        all.addAll(extra);
        recipe.prepare(all, log);
        int k = o.folds();
        int[] fold = CrossValidation.folds(target, Task.STANCE, k, o.seed());
        StatementPrediction[] oof = new StatementPrediction[target.size()];
        int[] epochs = new int[k];
        FoldRecipe.Fitted once = o.targetWeight() == 0 ? recipe.fit(extra, log) : null;
        for (int f = 0; f < k; f++) {
            List<Statement> train = new ArrayList<>(extra);
            List<Statement> test = new ArrayList<>();
            List<Integer> testIdx = new ArrayList<>();
            for (int i = 0; i < target.size(); i++) {
                if (fold[i] == f) {
                    test.add(target.get(i));
                    testIdx.add(i);
                } else {
                    for (int r = 0; r < o.targetWeight(); r++) {
                        train.add(target.get(i));
                    }
                }
            }
            log.printf(Locale.ROOT, "fold %d/%d: training on %d records, predicting %d%n", f + 1, k, train.size(),
                    test.size());
            FoldRecipe.Fitted m = once != null ? once : recipe.fit(train, log);
            epochs[f] = m.epochs();
            List<StatementPrediction> p = m.predict(test);
            for (int j = 0; j < test.size(); j++) {
                oof[testIdx.get(j)] = p.get(j);
            }
        }
        return summarize(target, fold, List.of(oof), epochs, (System.nanoTime() - t0) / 1e9, log);
    }

    /**
     * Figures of given out-of-fold predictions: per-fold macro-F1 per task and language, cross-fitted
     * calibration, and the temperature fitted on them all. Averaging the out-of-fold predictions of several
     * recipes run on the same folds and summarising them is the cross-validation of their ensemble.
     */
    public static Result summarize(List<Statement> target, int[] fold, List<StatementPrediction> oofList, int[] epochs,
                                   double seconds, PrintStream log) {
        int k = epochs.length;
        StatementPrediction[] oof = oofList.toArray(new StatementPrediction[0]);
        Map<String, double[]> perFold = new LinkedHashMap<>();
        List<StatementPrediction> calibrated = new ArrayList<>(oofList);
        for (int f = 0; f < k; f++) {
            List<Statement> test = new ArrayList<>();
            List<StatementPrediction> pred = new ArrayList<>();
            List<Statement> rest = new ArrayList<>();
            List<StatementPrediction> restPred = new ArrayList<>();
            for (int i = 0; i < target.size(); i++) {
                (fold[i] == f ? test : rest).add(target.get(i));
                (fold[i] == f ? pred : restPred).add(oof[i]);
            }
            Evaluation ev = Evaluator.evaluate("cv", test, pred);
            for (Task t : Task.values()) {
                perFold.computeIfAbsent(t.key(), x -> nan(k))[f] = ev.tasks().get(t).n() == 0
                        ? Double.NaN : ev.macroF1(t);
                for (Map.Entry<String, Map<Task, ClassMetrics>> e : new TreeMap<>(ev.byLang()).entrySet()) {
                    ClassMetrics m = e.getValue().get(t);
                    perFold.computeIfAbsent(t.key() + "/" + e.getKey(), x -> nan(k))[f] =
                            m == null || m.n() == 0 ? Double.NaN : m.macroF1();
                }
            }
            Map<String, Double> temp = Calibration.fitTemperatures(rest, restPred,
                    new PrintStream(java.io.OutputStream.nullOutputStream()));
            for (int i = 0; i < target.size(); i++) {
                if (fold[i] == f) {
                    calibrated.set(i, scale(oof[i], temp));
                }
            }
        }
        Map<String, Double> temperature = Calibration.fitTemperatures(target, oofList, log);
        return new Result(List.copyOf(target), fold, oofList, calibrated, perFold, epochs, temperature, seconds);
    }

    /**
     * The cross-validation of an equal-weight ensemble: the out-of-fold probabilities of several reports
     * (written by {@link Result#toJson()} for runs on the same target and folds), each scaled by its report's
     * temperature as its exported model is, then averaged per record, as the ensemble family averages them.
     */
    public static Result combine(List<com.fasterxml.jackson.databind.JsonNode> reports, List<Statement> target,
                                 PrintStream log) {
        int n = target.size();
        int[] fold = null;
        double[][][] sum = new double[Task.values().length][n][];
        double seconds = 0;
        int k = 0;
        for (var report : reports) {
            var oof = report.get("oof");
            if (oof == null || oof.size() != n) {
                throw new IllegalArgumentException("a report's out-of-fold predictions do not cover the " + n
                        + " target records");
            }
            int[] f = new int[n];
            for (int i = 0; i < n; i++) {
                var o = oof.get(i);
                if (!o.get("id").asText().equals(target.get(i).id())) {
                    throw new IllegalArgumentException("reports were made on other target records (record " + i
                            + " is " + o.get("id").asText() + ", expected " + target.get(i).id() + ")");
                }
                f[i] = o.get("fold").asInt();
                for (Task t : Task.values()) {
                    var a = o.get(t.key());
                    double[] p = new double[a.size()];
                    for (int j = 0; j < p.length; j++) {
                        p[j] = a.get(j).asDouble();
                    }
                    double temp = report.path("calibration").path(t.key()).path("temperature").asDouble(1.0);
                    Map<String, Double> scaled = Probabilities.softmax(t.labels(), Probabilities.logits(p), temp);
                    double[] acc = sum[t.ordinal()][i] == null ? new double[a.size()] : sum[t.ordinal()][i];
                    for (int j = 0; j < a.size(); j++) {
                        acc[j] += scaled.get(t.labels().get(j)) / reports.size();
                    }
                    sum[t.ordinal()][i] = acc;
                }
            }
            if (fold != null && !Arrays.equals(fold, f)) {
                throw new IllegalArgumentException("reports were made on different folds (same --folds and --seed needed)");
            }
            fold = f;
            k = report.get("folds").asInt();
            seconds += report.get("seconds").asDouble();
        }
        List<StatementPrediction> preds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<Task, TaskPrediction> m = new EnumMap<>(Task.class);
            for (Task t : Task.values()) {
                Map<String, Double> p = new LinkedHashMap<>();
                for (int j = 0; j < t.labels().size(); j++) {
                    p.put(t.labels().get(j), sum[t.ordinal()][i][j]);
                }
                m.put(t, new TaskPrediction(Probabilities.argmax(p), p));
            }
            preds.add(new StatementPrediction(m));
        }
        return summarize(target, fold, preds, new int[k], seconds, log);
    }

    /** A prediction with each task's probabilities re-scaled by temperature {@code t} (labels unchanged). */
    static StatementPrediction scale(StatementPrediction p, Map<String, Double> temperature) {
        Map<Task, TaskPrediction> out = new EnumMap<>(Task.class);
        for (Task t : Task.values()) {
            Map<String, Double> probs = p.get(t).p();
            double[] logits = Probabilities.logits(t.labels().stream().mapToDouble(probs::get).toArray());
            Map<String, Double> q = Probabilities.softmax(t.labels(), logits, temperature.get(t.key()));
            out.put(t, new TaskPrediction(p.get(t).label(), q));
        }
        return new StatementPrediction(out);
    }

    private static double[] nan(int k) {
        double[] v = new double[k];
        Arrays.fill(v, Double.NaN);
        return v;
    }
}

package dev.stance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.data.Task;
import dev.stance.evaluate.ClassMetrics;
import dev.stance.label.Candidate;
import dev.stance.label.CandidateReader;
import dev.stance.label.Selector;
import dev.stance.label.Strategy;
import dev.stance.model.StatementPrediction;
import dev.stance.model.ngram.NgramFamily;
import dev.stance.model.ngram.NgramTribuoModel;
import dev.stance.train.CrossValidation;
import dev.stance.train.ModelExporter;
import dev.stance.train.NgramTrainer;
import dev.stance.train.TrainConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A simulated labelling round: is {@code suggest} worth it against labelling a random sample?
 *
 * <p>Start from the written corpus (its train split) and a pool of real labelled statements. The pool is cut
 * into K folds grouped by page ({@code url}; stratified as {@link CrossValidation#folds} does, by stance). For each fold,
 * the model trained on the corpus alone scores the other folds, a strategy picks {@code n} of them, the model is
 * retrained on corpus + picks, and the held-out fold is predicted. The pooled out-of-fold macro-F1 over the whole
 * real set, minus that of the corpus-only model on the same statements, is the strategy's gain. Each seed
 * draws its own folds, random sample and tie-breaks; every strategy of one seed sees the same folds. K only sets the
 * pool a strategy picks from ((K − 1)/K of the real set): every retraining is corpus + n, so 2 folds cost the
 * fewest trainings for the same measurement on a smaller pool.
 *
 * <pre>
 * ./mvnw -B -o -q -pl training dependency:build-classpath -Dmdep.outputFile=target/cp-test.txt -Dmdep.includeScope=test
 * CP="inference/target/classes:training/target/classes:training/target/test-classes:$(cat training/target/cp-test.txt)"
 * java -Xmx4g -cp "$CP" dev.stance.bench.ActiveLearningRound --real ../shared/train/real-train.jsonl --folds 2 \
 *     --threads 2 --strategies density,random,diverse,uncertainty,margin datasets/statements/*.jsonl
 * </pre>
 */
public final class ActiveLearningRound {
    private ActiveLearningRound() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING); // Tribuo's progress lines
        Path real = null;
        Path config = Path.of("training/configs/ngram-logistic.json");
        int n = 100;
        int folds = 5;
        int seeds = 5;
        int threads = 1;
        List<Strategy> strategies = List.of(Strategy.DIVERSE, Strategy.RANDOM);
        List<Path> corpusFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--real" -> real = Path.of(args[++i]);
                case "--config" -> config = Path.of(args[++i]);
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--strategies" -> strategies = java.util.Arrays.stream(args[++i].split(","))
                        .map(Strategy::fromKey).toList();
                default -> corpusFiles.add(Path.of(args[i]));
            }
        }
        if (real == null || corpusFiles.isEmpty()) {
            System.err.println("usage: ActiveLearningRound --real <real.jsonl> [--config f] [--n 100] [--folds 5]"
                    + " [--seeds 5] [--threads 1] [--strategies diverse,random] <corpus.jsonl>...");
            System.exit(1);
        }
        List<Statement> corpus = StatementReader.readAll(corpusFiles).stream()
                .filter(s -> s.split() == null || s.split().equals("train")).toList();
        List<Statement> pool = readReal(real);
        TrainConfig cfg = TrainConfig.read(config);
        NgramTrainer trainer = new NgramTrainer(cfg);
        System.out.printf(Locale.ROOT, "corpus %d train records, real pool %d statements, n %d, %d folds, %d seeds, config %s%n",
                corpus.size(), pool.size(), n, folds, seeds, config);

        long t0 = System.nanoTime();
        NgramTribuoModel base = model(trainer, cfg, corpus);
        List<StatementPrediction> basePreds = CandidateReader.predict(base, pool);
        Map<Task, Double> baseline = new EnumMap<>(Task.class);
        for (Task t : Task.values()) {
            baseline.put(t, macroF1(t, pool, basePreds.stream().map(p -> p.get(t).label()).toList()));
        }
        System.out.printf(Locale.ROOT, "corpus only: stance %.4f, openness %.4f (trained in %.1f s)%n",
                baseline.get(Task.STANCE), baseline.get(Task.OPENNESS), (System.nanoTime() - t0) / 1e9);

        Map<Strategy, Map<Task, double[]>> gains = new LinkedHashMap<>();
        for (Strategy s : strategies) {
            gains.put(s, new EnumMap<>(Map.of(Task.STANCE, new double[seeds], Task.OPENNESS, new double[seeds])));
        }
        // one job per (seed, strategy, fold); the jobs share nothing but read-only inputs
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        Map<String, Future<Map<Integer, StatementPrediction>>> jobs = new LinkedHashMap<>();
        Map<Integer, int[]> foldsBySeed = new LinkedHashMap<>();
        for (int seed = 1; seed <= seeds; seed++) {
            int[] fold = CrossValidation.folds(pool, Task.STANCE, folds, seed);
            foldsBySeed.put(seed, fold);
            for (Strategy s : strategies) {
                for (int f = 0; f < folds; f++) {
                    final int seedF = seed;
                    final int foldF = f;
                    final int nF = n;
                    jobs.put(seed + "/" + s.key() + "/" + f, exec.submit(() ->
                            foldRun(trainer, cfg, corpus, pool, basePreds, fold, foldF, s, seedF, nF)));
                }
            }
        }
        exec.shutdown();
        for (int seed = 1; seed <= seeds; seed++) {
            for (Strategy s : strategies) {
                Map<Task, String[]> predicted = new EnumMap<>(Task.class);
                for (Task t : Task.values()) {
                    predicted.put(t, new String[pool.size()]);
                }
                for (int f = 0; f < folds; f++) {
                    for (var e : jobs.get(seed + "/" + s.key() + "/" + f).get().entrySet()) {
                        for (Task t : Task.values()) {
                            predicted.get(t)[e.getKey()] = e.getValue().get(t).label();
                        }
                    }
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "seed %d %-11s", seed, s.key()));
                for (Task t : Task.values()) {
                    double f1 = macroF1(t, pool, List.of(predicted.get(t)));
                    gains.get(s).get(t)[seed - 1] = f1 - baseline.get(t);
                    line.append(String.format(Locale.ROOT, " %s %.4f (%+.4f)", t.key(), f1, f1 - baseline.get(t)));
                }
                System.out.println(line.append(String.format(Locale.ROOT, "  [%.0f s since start]",
                        (System.nanoTime() - t0) / 1e9)));
            }
        }
        System.out.println();
        System.out.println("| strategy | stance gain, mean ± sd | openness gain, mean ± sd | per seed (stance / openness) |");
        System.out.println("|---|---:|---:|---|");
        for (var e : gains.entrySet()) {
            double[] st = e.getValue().get(Task.STANCE);
            double[] op = e.getValue().get(Task.OPENNESS);
            StringBuilder per = new StringBuilder();
            for (int i = 0; i < st.length; i++) {
                per.append(String.format(Locale.ROOT, "%s%+.3f/%+.3f", i == 0 ? "" : ", ", st[i], op[i]));
            }
            System.out.printf(Locale.ROOT, "| %s | %+.4f ± %.4f | %+.4f ± %.4f | %s |%n", e.getKey().key(), mean(st), sd(st),
                    mean(op), sd(op), per);
        }
        Map<Task, double[]> rnd = gains.get(Strategy.RANDOM);
        if (rnd != null) {
            // paired by seed: both strategies of a seed saw the same folds, so the fold draw cancels out
            System.out.println();
            System.out.println("| strategy − random | stance, mean ± sd (seeds ahead) | openness, mean ± sd (seeds ahead) | per seed (stance / openness) |");
            System.out.println("|---|---:|---:|---|");
            for (var e : gains.entrySet()) {
                if (e.getKey() == Strategy.RANDOM) {
                    continue;
                }
                double[] st = diff(e.getValue().get(Task.STANCE), rnd.get(Task.STANCE));
                double[] op = diff(e.getValue().get(Task.OPENNESS), rnd.get(Task.OPENNESS));
                StringBuilder per = new StringBuilder();
                for (int i = 0; i < st.length; i++) {
                    per.append(String.format(Locale.ROOT, "%s%+.3f/%+.3f", i == 0 ? "" : ", ", st[i], op[i]));
                }
                System.out.printf(Locale.ROOT, "| %s | %+.4f ± %.4f (%d of %d) | %+.4f ± %.4f (%d of %d) | %s |%n",
                        e.getKey().key(), mean(st), sd(st), ahead(st), st.length, mean(op), sd(op), ahead(op), op.length, per);
            }
        }
        System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Picks from the folds other than {@code f}, retrains, and predicts fold {@code f} (pool index → prediction). */
    private static Map<Integer, StatementPrediction> foldRun(NgramTrainer trainer, TrainConfig cfg, List<Statement> corpus,
                                                             List<Statement> pool, List<StatementPrediction> basePreds,
                                                             int[] fold, int f, Strategy s, long seed, int n) {
        List<Candidate> candidates = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (fold[i] == f) {
                held.add(i);
            } else {
                candidates.add(new Candidate(pool.get(i), pool.get(i).family(), basePreds.get(i)));
            }
        }
        List<Statement> train = new ArrayList<>(corpus);
        for (Selector.Pick p : Selector.select(candidates, n, s, seed, null)) {
            train.add(p.candidate().statement());
        }
        NgramTribuoModel m = model(trainer, cfg, train);
        List<StatementPrediction> preds = CandidateReader.predict(m, held.stream().map(pool::get).toList());
        Map<Integer, StatementPrediction> out = new LinkedHashMap<>();
        for (int k = 0; k < held.size(); k++) {
            out.put(held.get(k), preds.get(k));
        }
        return out;
    }

    /** Real statements with their page address as family, so folds and picks group by page. */
    static List<Statement> readReal(Path file) throws java.io.IOException {
        ObjectMapper json = new ObjectMapper();
        List<Statement> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Statement s = StatementReader.parse(line);
            JsonNode url = json.readTree(line).get("url");
            out.add(new Statement(s.id(), s.text(), s.context(), s.speaker(), s.lang(), s.stance(), s.openness(),
                    s.source(), null, url == null ? s.id() : url.asText()));
        }
        return out;
    }

    private static NgramTribuoModel model(NgramTrainer trainer, TrainConfig cfg, List<Statement> train) {
        return new NgramTribuoModel(ModelExporter.inTraining("al-round", NgramFamily.NAME, null, null), cfg.features(),
                trainer.train(train));
    }

    private static double macroF1(Task t, List<Statement> gold, List<String> predicted) {
        return ClassMetrics.of(t.labels(), gold.stream().map(s -> s.label(t)).toList(), predicted).macroF1();
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static int ahead(double[] d) {
        int k = 0;
        for (double x : d) {
            k += x > 0 ? 1 : 0;
        }
        return k;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / Math.max(1, v.length - 1));
    }
}

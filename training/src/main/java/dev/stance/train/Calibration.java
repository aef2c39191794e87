package dev.stance.train;

import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.model.Probabilities;
import dev.stance.model.StatementPrediction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Temperature scaling: the single T that minimises the negative log-likelihood of softmax(logits / T) on
 * held-out data. It changes confidence, never the predicted label.
 */
public final class Calibration {
    private Calibration() {
    }

    /** One temperature per task, fitted on the labelled records of {@code dev} and their uncalibrated predictions. */
    public static Map<String, Double> fitTemperatures(List<Statement> dev, List<StatementPrediction> uncalibrated,
                                                      PrintStream log) {
        Map<String, Double> temperature = new LinkedHashMap<>();
        for (Task t : Task.values()) {
            List<double[]> logits = new ArrayList<>();
            List<Integer> gold = new ArrayList<>();
            for (int i = 0; i < dev.size(); i++) {
                if (dev.get(i).label(t) != null) {
                    Map<String, Double> p = uncalibrated.get(i).get(t).p();
                    logits.add(Probabilities.logits(t.labels().stream().mapToDouble(p::get).toArray()));
                    gold.add(t.labels().indexOf(dev.get(i).label(t)));
                }
            }
            double temp = fitTemperature(logits, gold);
            temperature.put(t.key(), temp);
            log.printf(Locale.ROOT, "%s temperature %.3f (dev NLL %.3f -> %.3f)%n", t.key(), temp,
                    nll(logits, gold, 1.0), nll(logits, gold, temp));
        }
        return temperature;
    }

    /** The best temperature on a log grid from 0.05 to 20, refined around the best point. */
    public static double fitTemperature(List<double[]> logits, List<Integer> gold) {
        if (logits.isEmpty()) {
            return 1.0;
        }
        double best = 1.0;
        double bestNll = nll(logits, gold, 1.0);
        for (int i = 0; i <= 120; i++) {
            double t = Math.exp(Math.log(0.05) + i * (Math.log(20) - Math.log(0.05)) / 120);
            double v = nll(logits, gold, t);
            if (v < bestNll) {
                bestNll = v;
                best = t;
            }
        }
        for (int i = -20; i <= 20; i++) {
            double t = best * Math.exp(i * 0.0025);
            double v = nll(logits, gold, t);
            if (v < bestNll) {
                bestNll = v;
                best = t;
            }
        }
        return best;
    }

    /** Mean negative log-likelihood of the gold labels under softmax(logits / t). */
    public static double nll(List<double[]> logits, List<Integer> gold, double t) {
        double sum = 0;
        for (int i = 0; i < logits.size(); i++) {
            double[] z = logits.get(i);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v / t);
            }
            double lse = 0;
            for (double v : z) {
                lse += Math.exp(v / t - max);
            }
            sum -= z[gold.get(i)] / t - max - Math.log(lse);
        }
        return sum / logits.size();
    }
}

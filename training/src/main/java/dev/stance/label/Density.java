package dev.stance.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How typical a statement is of the pool it was drawn from: the mean cosine similarity of its character n-gram
 * TF-IDF vector to the other statements of its language, divided by that language's mean, so 1 is an average
 * statement and the languages are on one scale. A model trained on written text is miscalibrated on real text;
 * its most uncertain statements are often odd ones out (fragments, lists, other registers) that teach it little
 * about the rest, and weighting uncertainty by this keeps the picks representative.
 *
 * <p>Model-independent (only the texts), and linear in the pool: the mean similarity to the others is one dot
 * product with the sum of the language's vectors.
 */
public final class Density {
    /** Character 4-grams of space-padded words: robust to inflection and compounds in nb, nn and de. */
    static final int GRAM = 4;

    private Density() {
    }

    /** The relative density of every text; {@code langs} aligned with {@code texts} (null is one language). */
    public static double[] of(List<String> texts, List<String> langs) {
        int n = texts.size();
        List<Map<String, Double>> tf = new ArrayList<>(n);
        Map<String, Integer> df = new HashMap<>();
        for (String t : texts) {
            Map<String, Double> v = grams(t);
            v.keySet().forEach(g -> df.merge(g, 1, Integer::sum));
            tf.add(v);
        }
        List<Map<String, Double>> vec = new ArrayList<>(n);
        for (Map<String, Double> v : tf) {
            Map<String, Double> w = new HashMap<>();
            double norm = 0;
            for (var e : v.entrySet()) {
                // sublinear tf times smoothed idf, so grams shared by every text (common suffixes) weigh little
                double x = (1 + Math.log(e.getValue())) * Math.log((1.0 + n) / (1.0 + df.get(e.getKey())));
                if (x > 0) {
                    w.put(e.getKey(), x);
                    norm += x * x;
                }
            }
            double len = Math.sqrt(norm);
            w.replaceAll((k, x) -> x / len);
            vec.add(w);
        }
        Map<String, Map<String, Double>> sum = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String lang = lang(langs.get(i));
            count.merge(lang, 1, Integer::sum);
            Map<String, Double> s = sum.computeIfAbsent(lang, k -> new HashMap<>());
            vec.get(i).forEach((g, x) -> s.merge(g, x, Double::sum));
        }
        double[] d = new double[n];
        Map<String, Double> langMean = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String lang = lang(langs.get(i));
            Map<String, Double> s = sum.get(lang);
            double self = 0;
            double dot = 0;
            for (var e : vec.get(i).entrySet()) {
                dot += e.getValue() * s.get(e.getKey());
                self += e.getValue() * e.getValue();
            }
            d[i] = count.get(lang) > 1 ? (dot - self) / (count.get(lang) - 1) : 0;
            langMean.merge(lang, d[i] / count.get(lang), Double::sum);
        }
        for (int i = 0; i < n; i++) {
            double m = langMean.get(lang(langs.get(i)));
            d[i] = m > 0 ? d[i] / m : 1; // a language with one statement, or nothing shared: neutral weight
        }
        return d;
    }

    static Map<String, Double> grams(String text) {
        Map<String, Double> out = new HashMap<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (w.isEmpty()) {
                continue;
            }
            String p = " " + w + " ";
            if (p.length() <= GRAM) {
                out.merge(p, 1.0, Double::sum);
                continue;
            }
            for (int j = 0; j + GRAM <= p.length(); j++) {
                out.merge(p.substring(j, j + GRAM), 1.0, Double::sum);
            }
        }
        return out;
    }

    private static String lang(String l) {
        return l == null ? "?" : l;
    }
}

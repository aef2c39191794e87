package dev.stance.corpus;

import dev.stance.data.RecordError;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.lang.LanguageIdentifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks corpus files: schema and label sets (via {@link StatementReader}), duplicate ids, exact duplicate
 * texts, near-duplicate texts across splits (leakage), paraphrase families split across splits, missing
 * labels, and the {@code lang} field against the detected language.
 *
 * <p>Near-duplicates are found by Jaccard similarity of word-trigram shingles, through an inverted index so
 * only pairs that share a shingle are compared.
 */
public final class CorpusValidator {
    /** Shingle Jaccard at or above this is a near-duplicate. */
    public static final double NEAR_DUPLICATE = 0.6;
    /** Texts longer than this are suspicious for one statement. */
    public static final int LONG_TEXT = 700;

    /** Below this relative confidence (the detected language scores 1.0) the declared language is wrong. */
    public static final double IMPLAUSIBLE = 0.8;

    private static final Set<String> SCANDINAVIAN = Set.of("nb", "nn", "da", "sv");

    private final boolean checkLanguage;

    public CorpusValidator(boolean checkLanguage) {
        this.checkLanguage = checkLanguage;
    }

    public List<Finding> validate(List<Path> files) {
        List<Finding> out = new ArrayList<>();
        List<Statement> all = new ArrayList<>();
        List<StatementReader.Location> where = new ArrayList<>();
        for (Path f : files) {
            StatementReader.Result r = StatementReader.read(f);
            for (RecordError e : r.errors()) {
                out.add(new Finding(Finding.Severity.ERROR, e.file(), e.line(), e.message()));
            }
            all.addAll(r.statements());
            where.addAll(r.locations());
        }
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> texts = new HashMap<>();
        Map<String, String> familySplit = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Statement s = all.get(i);
            Integer prev = ids.putIfAbsent(s.id(), i);
            if (prev != null) {
                out.add(error(where.get(i), "duplicate id '" + s.id() + "' (first at " + at(where.get(prev)) + ")"));
            }
            Integer prevText = texts.putIfAbsent(normalize(s.text()), i);
            if (prevText != null) {
                out.add(error(where.get(i), "same text as " + all.get(prevText).id() + " at " + at(where.get(prevText))));
            }
            if (s.stance() == null || s.openness() == null) {
                out.add(warning(where.get(i), "record '" + s.id() + "' lacks a label for "
                        + (s.stance() == null ? "stance" : "openness")));
            }
            if (s.split() == null) {
                out.add(warning(where.get(i), "record '" + s.id() + "' has no split"));
            }
            if (s.text().length() > LONG_TEXT) {
                out.add(warning(where.get(i), "record '" + s.id() + "' is long (" + s.text().length() + " chars)"));
            }
            if (s.family() != null && s.split() != null) {
                String other = familySplit.putIfAbsent(s.family(), s.split());
                if (other != null && !other.equals(s.split())) {
                    out.add(error(where.get(i), "family '" + s.family() + "' is in both " + other + " and "
                            + s.split() + " (leakage)"));
                }
            }
            if (checkLanguage && s.lang() != null) {
                String detected = LanguageIdentifier.get().detect(s.text());
                if (!detected.equals(s.lang()) && !detected.equals(LanguageIdentifier.UNDETERMINED)) {
                    // Foreign names can tip the detector ("Sigurðardóttir" reads Swedish); only a declared
                    // language the detector finds implausible is an error, a close call is a warning.
                    boolean close = SCANDINAVIAN.contains(detected) && SCANDINAVIAN.contains(s.lang());
                    double declared = LanguageIdentifier.get().confidence(s.text(), s.lang());
                    String msg = String.format(Locale.ROOT, "record '%s' has lang %s but reads as %s"
                            + " (confidence in %s: %.2f)", s.id(), s.lang(), detected, s.lang(), declared);
                    boolean implausible = !close && declared < IMPLAUSIBLE;
                    out.add(implausible ? error(where.get(i), msg) : warning(where.get(i), msg));
                }
            }
        }
        nearDuplicatesAcrossSplits(all, where, out);
        return out;
    }

    private static void nearDuplicatesAcrossSplits(List<Statement> all, List<StatementReader.Location> where,
                                                   List<Finding> out) {
        List<Set<String>> shingles = new ArrayList<>();
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Set<String> sh = shingles(all.get(i).text());
            shingles.add(sh);
            for (String s : sh) {
                index.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            Map<Integer, Integer> shared = new HashMap<>();
            for (String s : shingles.get(i)) {
                for (int j : index.get(s)) {
                    if (j > i) {
                        shared.merge(j, 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
                int j = e.getKey();
                String si = all.get(i).split();
                String sj = all.get(j).split();
                if (si == null || sj == null || si.equals(sj)) {
                    continue;
                }
                int union = shingles.get(i).size() + shingles.get(j).size() - e.getValue();
                double jaccard = (double) e.getValue() / union;
                if (jaccard >= NEAR_DUPLICATE) {
                    out.add(error(where.get(j), String.format(Locale.ROOT,
                            "'%s' (%s) nearly duplicates '%s' (%s) at %s: shingle Jaccard %.2f (leakage across splits)",
                            all.get(j).id(), sj, all.get(i).id(), si, at(where.get(i)), jaccard)));
                }
            }
        }
    }

    /** Word trigrams of the lower-cased letters-and-digits text (unigrams for very short texts). */
    static Set<String> shingles(String text) {
        String[] w = normalize(text).split(" ");
        Set<String> out = new HashSet<>();
        if (w.length < 3) {
            out.addAll(List.of(w));
            return out;
        }
        for (int i = 0; i + 3 <= w.length; i++) {
            out.add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
        }
        return out;
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
    }

    private static Finding error(StatementReader.Location l, String msg) {
        return new Finding(Finding.Severity.ERROR, l.file(), l.line(), msg);
    }

    private static Finding warning(StatementReader.Location l, String msg) {
        return new Finding(Finding.Severity.WARNING, l.file(), l.line(), msg);
    }

    private static String at(StatementReader.Location l) {
        return l.file() + ":" + l.line();
    }
}

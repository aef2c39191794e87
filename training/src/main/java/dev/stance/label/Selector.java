package dev.stance.label;

import dev.stance.corpus.CorpusValidator;
import dev.stance.corpus.NearDuplicateIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Chooses the statements worth labelling next.
 *
 * <p>The method, for every strategy but {@link Strategy#RANDOM}:
 * <ol>
 *   <li>Rank: candidates are shuffled with the seed (so ties break the same way for the same seed), then sorted
 *       by the strategy's score: the mean over both tasks of normalised entropy ({@code uncertainty},
 *       {@code diverse}), that times the statement's {@link Density} in the pool ({@code density}), or the mean
 *       of one minus the top-two margin ({@code margin}).</li>
 *   <li>Spread: picks are made in rounds. In round r a candidate is admissible only if its article (or page)
 *       has fewer than r picks, its speaker fewer than r, its language fewer than ⌈r · n · share⌉ (share: the
 *       language's part of the pool), and, for {@code diverse} over MinHash buckets and {@code density}, its
 *       bucket fewer than r. Rounds go on until n are picked or the pool is exhausted, so the caps loosen only
 *       when they must. For {@code density} each round makes two passes: the first takes only candidates whose
 *       predicted label in each task has fewer than ⌈n / number of labels⌉ picks, the second fills the round
 *       in rank order.</li>
 *   <li>No near-duplicates, in any round: a candidate whose word-trigram Jaccard with a pick is at least
 *       {@link CorpusValidator#NEAR_DUPLICATE} (or whose normalised text equals a pick's) is never taken.</li>
 *   <li>{@code diverse} with sentence vectors: among the 5n best-ranked candidates, k-center greedy picks the
 *       admissible candidate farthest (cosine distance) from every pick so far, starting from the best-ranked.
 *       Without vectors, MinHash buckets (2 of the seeded hash functions over the words of five or more letters)
 *       stand in for clusters in step 2.</li>
 * </ol>
 * The same candidates, options and seed give the same picks in the same order.
 */
public final class Selector {
    /** k-center greedy looks at this many times n of the best-ranked candidates. */
    static final int KCENTER_POOL = 5;

    private Selector() {
    }

    /** One chosen candidate, the score it was ranked by, and why it was chosen. */
    public record Pick(Candidate candidate, double score, String reason) {
    }

    /**
     * Picks at most {@code n} candidates (fewer only when the pool runs out).
     *
     * @param pool candidates with unique statement ids
     * @param vectors sentence vectors aligned with {@code pool} for k-center greedy, or null (MinHash buckets)
     */
    public static List<Pick> select(List<Candidate> pool, int n, Strategy strategy, long seed, List<float[]> vectors) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, got " + n);
        }
        if (vectors != null && vectors.size() != pool.size()) {
            throw new IllegalArgumentException("vectors (" + vectors.size() + ") not aligned with pool (" + pool.size() + ")");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        if (strategy == Strategy.RANDOM) {
            List<Pick> out = new ArrayList<>();
            for (int i : order.subList(0, Math.min(n, order.size()))) {
                out.add(new Pick(pool.get(i), 0, "random draw (seed " + seed + ")"));
            }
            return out;
        }
        double[] density = strategy == Strategy.DENSITY ? Density.of(pool.stream().map(c -> c.statement().text()).toList(),
                pool.stream().map(c -> c.statement().lang()).toList()) : null;
        double[] score = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            score[i] = strategy == Strategy.MARGIN ? Uncertainty.meanMargin(pool.get(i).prediction())
                    : Uncertainty.meanEntropy(pool.get(i).prediction()) * (density == null ? 1 : density[i]);
        }
        order.sort(Comparator.comparingDouble(i -> -score[i]));
        boolean buckets = strategy == Strategy.DENSITY || strategy == Strategy.DIVERSE && vectors == null;
        Spread spread = new Spread(pool, n, buckets
                ? MinHash.buckets(pool.stream().map(c -> c.statement().text()).toList(), seed) : null,
                strategy == Strategy.DENSITY);
        if (strategy == Strategy.DIVERSE && vectors != null) {
            return kCenter(pool, order.subList(0, Math.min(order.size(), KCENTER_POOL * n)), score, vectors, n, spread);
        }
        List<Pick> out = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (int round = 1; out.size() < n && taken.size() < pool.size() && spread.anyLeft(taken); round++) {
            // with label caps, a first pass takes only picks whose predicted labels are under their share and a
            // second fills the round in rank order, so label coverage never loosens the other caps
            for (int pass = spread.labelCaps ? 0 : 1; pass < 2; pass++) {
            for (int rank = 0; rank < order.size() && out.size() < n; rank++) {
                int i = order.get(rank);
                if (taken.contains(i) || spread.nearDuplicate(i) || !spread.admissible(i, round)
                        || pass == 0 && !spread.underLabelShare(i)) {
                    continue;
                }
                taken.add(i);
                spread.take(i);
                out.add(new Pick(pool.get(i), score[i], reason(strategy, pool.get(i), score[i], rank, pool.size(), round)
                        + (density == null ? "" : String.format(Locale.ROOT, "; density %.2f", density[i]))
                        + (pass == 0 ? "; its predicted labels were under their share" : "")
                        + spread.bucketNote(i)));
            }
            }
        }
        return out;
    }

    private static List<Pick> kCenter(List<Candidate> pool, List<Integer> top, double[] score, List<float[]> vectors,
                                      int n, Spread spread) {
        double[] nearest = new double[pool.size()];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        List<Pick> out = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        int round = 1;
        while (out.size() < n && spread.anyLeft(taken, top)) {
            int best = -1;
            for (int i : top) {
                if (taken.contains(i) || spread.nearDuplicate(i) || !spread.admissible(i, round)) {
                    continue;
                }
                if (best < 0 || nearest[i] > nearest[best]) {
                    best = i; // strictly farther only, so ties keep the better-ranked candidate
                }
            }
            if (best < 0) {
                if (round > n) {
                    break;
                }
                round++;
                continue;
            }
            taken.add(best);
            spread.take(best);
            String reason = out.isEmpty()
                    ? String.format(Locale.ROOT, "k-center start: highest mean entropy %.3f (%s)", score[best],
                    perTask(pool.get(best)))
                    : String.format(Locale.ROOT, "k-center: cosine distance %.3f to the nearest earlier pick; mean entropy %.3f (%s)",
                    nearest[best], score[best], perTask(pool.get(best)));
            out.add(new Pick(pool.get(best), score[best], reason));
            for (int i : top) {
                nearest[i] = Math.min(nearest[i], cosineDistance(vectors.get(i), vectors.get(best)));
            }
        }
        return out;
    }

    static double cosineDistance(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += (double) a[j] * b[j];
            na += (double) a[j] * a[j];
            nb += (double) b[j] * b[j];
        }
        return na == 0 || nb == 0 ? 1 : 1 - dot / Math.sqrt(na * nb);
    }

    private static String reason(Strategy s, Candidate c, double score, int rank, int poolSize, int round) {
        String what = s == Strategy.MARGIN ? "mean top-two closeness"
                : s == Strategy.DENSITY ? "mean entropy x density" : "mean entropy";
        return String.format(Locale.ROOT, "%s %.3f (%s), rank %d of %d%s", what, score, perTask(c), rank + 1,
                poolSize, round > 1 ? "; spread caps loosened to " + round + " per article/speaker" : "");
    }

    private static String perTask(Candidate c) {
        var st = c.prediction().get(dev.stance.data.Task.STANCE);
        var op = c.prediction().get(dev.stance.data.Task.OPENNESS);
        return String.format(Locale.ROOT, "stance %s %.2f, openness %s %.2f", st.label(), st.probability(),
                op.label(), op.probability());
    }

    /** The spread rules of the class comment: caps per article, speaker, language and bucket; no near-duplicates. */
    private static final class Spread {
        private final List<Candidate> pool;
        private final int n;
        private final String[] bucket;
        private final Map<String, Integer> langCount = new HashMap<>();
        private final Map<String, Integer> perArticle = new HashMap<>();
        private final Map<String, Integer> perSpeaker = new HashMap<>();
        private final Map<String, Integer> perLang = new HashMap<>();
        private final Map<String, Integer> perBucket = new HashMap<>();
        final boolean labelCaps;
        private final Map<String, Integer> perLabel = new HashMap<>();
        private final List<long[]> pickedShingles = new ArrayList<>();
        private final Set<String> pickedTexts = new HashSet<>();
        private final Map<Integer, Boolean> duplicateMemo = new HashMap<>();
        private int picksAtMemo;

        Spread(List<Candidate> pool, int n, String[] bucket, boolean labelCaps) {
            this.pool = pool;
            this.n = n;
            this.bucket = bucket;
            this.labelCaps = labelCaps;
            for (Candidate c : pool) {
                langCount.merge(lang(c), 1, Integer::sum);
            }
        }

        boolean admissible(int i, int round) {
            Candidate c = pool.get(i);
            if (perArticle.getOrDefault(c.group(), 0) >= round) {
                return false;
            }
            String speaker = speaker(c);
            if (speaker != null && perSpeaker.getOrDefault(speaker, 0) >= round) {
                return false;
            }
            String lang = lang(c);
            // ⌈round · n · count / size⌉ in integers: a sum of 1/size shares rounds up past exact quotas
            long quota = ((long) round * n * langCount.get(lang) + pool.size() - 1) / pool.size();
            if (perLang.getOrDefault(lang, 0) >= quota) {
                return false;
            }
            return bucket == null || perBucket.getOrDefault(bucket[i], 0) < round;
        }

        /** Whether each task's predicted label of candidate i has fewer than ⌈n / its number of labels⌉ picks. */
        boolean underLabelShare(int i) {
            for (dev.stance.data.Task t : dev.stance.data.Task.values()) {
                String key = t.key() + "=" + pool.get(i).prediction().get(t).label();
                if (perLabel.getOrDefault(key, 0) >= Math.ceil((double) n / t.labels().size())) {
                    return false;
                }
            }
            return true;
        }

        boolean nearDuplicate(int i) {
            // the answer only changes when a pick is added, so remember it between picks
            if (picksAtMemo != pickedTexts.size()) {
                duplicateMemo.clear();
                picksAtMemo = pickedTexts.size();
            }
            return duplicateMemo.computeIfAbsent(i, k -> {
                String text = pool.get(k).statement().text();
                if (pickedTexts.contains(CorpusValidator.normalize(text))) {
                    return true;
                }
                long[] sh = shingles(text);
                for (long[] other : pickedShingles) {
                    if (NearDuplicateIndex.jaccard(sh, other) >= CorpusValidator.NEAR_DUPLICATE) {
                        return true;
                    }
                }
                return false;
            });
        }

        void take(int i) {
            Candidate c = pool.get(i);
            perArticle.merge(c.group(), 1, Integer::sum);
            String speaker = speaker(c);
            if (speaker != null) {
                perSpeaker.merge(speaker, 1, Integer::sum);
            }
            perLang.merge(lang(c), 1, Integer::sum);
            if (bucket != null) {
                perBucket.merge(bucket[i], 1, Integer::sum);
            }
            if (labelCaps) {
                for (dev.stance.data.Task t : dev.stance.data.Task.values()) {
                    perLabel.merge(t.key() + "=" + c.prediction().get(t).label(), 1, Integer::sum);
                }
            }
            pickedShingles.add(shingles(c.statement().text()));
            pickedTexts.add(CorpusValidator.normalize(c.statement().text()));
        }

        /** Whether some candidate not yet taken is not a near-duplicate of a pick (so another round can help). */
        boolean anyLeft(Set<Integer> taken) {
            for (int i = 0; i < pool.size(); i++) {
                if (!taken.contains(i) && !nearDuplicate(i)) {
                    return true;
                }
            }
            return false;
        }

        boolean anyLeft(Set<Integer> taken, List<Integer> among) {
            for (int i : among) {
                if (!taken.contains(i) && !nearDuplicate(i)) {
                    return true;
                }
            }
            return false;
        }

        String bucketNote(int i) {
            return bucket == null ? "" : "; MinHash bucket " + bucket[i] + " (pick " + perBucket.get(bucket[i]) + " from it)";
        }

        private static long[] shingles(String text) {
            return NearDuplicateIndex.shingleHashes(CorpusValidator.normalize(text));
        }

        private static String speaker(Candidate c) {
            String s = c.statement().speaker();
            return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
        }

        private static String lang(Candidate c) {
            return c.statement().lang() == null ? "?" : c.statement().lang();
        }
    }
}

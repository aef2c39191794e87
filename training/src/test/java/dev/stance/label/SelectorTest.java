package dev.stance.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.corpus.CorpusValidator;
import dev.stance.corpus.NearDuplicateIndex;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectorTest {
    /**
     * Eight candidates, most uncertain first (confidence 0.40 ... 0.86). a2 shares a1's article, a3 a1's speaker,
     * a4 nearly repeats a1's words; five are English, three German.
     */
    static List<Candidate> fixedPool() {
        return List.of(
                cand("a1", "en", "art1", "Anna Berg", "The delegations will meet again in Geneva next Tuesday to continue the talks", 0.40),
                cand("a2", "en", "art1", "Bo Lind", "Our patience with the endless shelling of border villages has run out", 0.44),
                cand("a3", "en", "art2", "Anna Berg", "Nobody in this capital believes their promises about a ceasefire anymore", 0.48),
                cand("a4", "de", "art3", "Carl Moe", "The delegations will meet again in Geneva next Tuesday to continue the talks, he said", 0.52),
                cand("a5", "de", "art4", "Dora Vik", "Man sei zu Gesprächen über einen Gefangenenaustausch bereit", 0.56),
                cand("a6", "en", "art5", "Eve Dahl", "The ministry published the casualty figures for March on Friday", 0.62),
                cand("a7", "en", "art6", "Finn Aas", "We welcome every effort by the mediators to bring both sides to the table", 0.70),
                cand("a8", "de", "art7", "Gro Holm", "Die Regierung werde auf jede weitere Provokation mit aller Härte antworten", 0.86));
    }

    @Test
    void uncertaintyPicksInRankOrderUnderTheSpreadRules() {
        // round 1: a1; a2 (article art1 taken) and a3 (speaker Anna Berg taken) wait; a4 nearly repeats a1 and is
        // never taken; then a5, a6, a7, a8. Round 2 lets a second pick per article: a2.
        assertEquals(List.of("a1", "a5", "a6", "a7", "a8", "a2"), ids(Selector.select(fixedPool(), 6, Strategy.UNCERTAINTY, 42, null)));
        assertEquals(List.of("a1", "a5", "a6"), ids(Selector.select(fixedPool(), 3, Strategy.UNCERTAINTY, 42, null)));
    }

    @Test
    void languageQuotaHoldsInTheFirstRound() {
        // the two most uncertain are now German (a5, a4), but n 2 of a pool that is 3/8 German allows
        // ceil(2 * 3/8) = 1 German pick in round 1, so English a1 comes second
        List<Candidate> pool = new ArrayList<>(fixedPool());
        pool.set(3, cand("a4", "de", "art3", "Carl Moe", "Die Delegation reist am Montag zu neuen Verhandlungen nach Wien", 0.38));
        pool.set(4, cand("a5", "de", "art4", "Dora Vik", "Man sei zu Gesprächen über einen Gefangenenaustausch bereit", 0.36));
        assertEquals(List.of("a5", "a1"), ids(Selector.select(pool, 2, Strategy.UNCERTAINTY, 42, null)));
        // n 3 allows ceil(3 * 3/8) = 2 German picks, so rank order holds
        assertEquals(List.of("a5", "a4", "a1"), ids(Selector.select(pool, 3, Strategy.UNCERTAINTY, 42, null)));
    }

    @Test
    void marginAndEntropyRankDifferently() {
        // A: two stance labels tie (margin closeness 1) but low entropy; B: flatter, higher entropy, clear top label
        Candidate a = cand("A", "en", "x1", "S1", "first text about the border crossing", new double[] {0.4, 0.4, 0.1, 0.1}, 0.6);
        Candidate b = cand("B", "en", "x2", "S2", "second text about prisoner exchanges", new double[] {0.5, 0.2, 0.15, 0.15}, 0.6);
        assertEquals(List.of("B"), ids(Selector.select(List.of(a, b), 1, Strategy.UNCERTAINTY, 1, null)));
        assertEquals(List.of("A"), ids(Selector.select(List.of(a, b), 1, Strategy.MARGIN, 1, null)));
    }

    @Test
    void sameSeedSamePicksAndTiesBreakBySeed() {
        List<Candidate> tied = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tied.add(cand("t" + i, "nb", "art" + i, "Speaker " + i, "Tekst nummer " + i + " om helt ulike ting " + "xyz".repeat(i), 0.5));
        }
        Set<List<String>> seen = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            List<String> once = ids(Selector.select(tied, 2, Strategy.UNCERTAINTY, seed, null));
            assertEquals(once, ids(Selector.select(tied, 2, Strategy.UNCERTAINTY, seed, null)));
            seen.add(once);
        }
        assertTrue(seen.size() > 1, "ties should break differently for different seeds");
        assertNotEquals(ids(Selector.select(tied, 3, Strategy.RANDOM, 1, null)), ids(Selector.select(tied, 3, Strategy.RANDOM, 2, null)));
    }

    @Test
    void kCenterOverVectorsCoversEveryCluster() {
        List<Candidate> pool = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        Random r = new Random(3);
        for (int i = 0; i < 9; i++) {
            int cluster = i / 3; // the three most uncertain are all in cluster 0
            pool.add(cand("k" + i, "en", "art" + i, "S" + i, "statement number " + i + " " + "abc ".repeat(i), 0.4 + 0.05 * i));
            float[] v = new float[8];
            v[cluster] = 1;
            for (int j = 0; j < v.length; j++) {
                v[j] += (float) (r.nextGaussian() * 0.05);
            }
            vectors.add(v);
        }
        assertEquals(List.of("k0", "k1", "k2"), ids(Selector.select(pool, 3, Strategy.UNCERTAINTY, 5, null)));
        List<String> diverse = ids(Selector.select(pool, 3, Strategy.DIVERSE, 5, vectors));
        assertEquals("k0", diverse.get(0), "k-center starts from the most uncertain");
        Set<Integer> clusters = new HashSet<>();
        diverse.forEach(id -> clusters.add(Integer.parseInt(id.substring(1)) / 3));
        assertEquals(Set.of(0, 1, 2), clusters, "picks " + diverse);
    }

    @Test
    void minHashBucketsSpreadPicksOverTopics() {
        // m0..m2 use the same longer words in different orders (not near-duplicates, but one MinHash bucket)
        List<Candidate> pool = List.of(
                cand("m0", "en", "p0", "A", "Ceasefire talks in Geneva remain possible, diplomats insisted", 0.40),
                cand("m1", "en", "p1", "B", "Diplomats insisted: Geneva ceasefire talks remain possible", 0.41),
                cand("m2", "en", "p2", "C", "Possible? Geneva talks, diplomats insisted, remain a ceasefire hope", 0.42),
                cand("m3", "en", "p3", "D", "Artillery struck warehouses overnight near the harbour", 0.60),
                cand("m4", "en", "p4", "E", "Parliament approved additional sanctions against refinery exports", 0.65));
        assertEquals(List.of("m0", "m1", "m2"), ids(Selector.select(pool, 3, Strategy.UNCERTAINTY, 9, null)));
        assertEquals(List.of("m0", "m3", "m4"), ids(Selector.select(pool, 3, Strategy.DIVERSE, 9, null)));
    }

    @Test
    void densityPassesOverTheUncertainOddOneOut() {
        // o0 is the most uncertain but shares no words with the rest; d1..d4 are variations on one theme
        List<Candidate> pool = List.of(
                cand("o0", "en", "q0", "A", "Table 3: tonnes of grain, monthly, 2019-2023 (provisional)", 0.38),
                cand("d1", "en", "q1", "B", "The ceasefire talks in Geneva will continue next week, the minister said", 0.45),
                cand("d2", "en", "q2", "C", "Ceasefire negotiations continue in Geneva, the foreign minister insisted", 0.50),
                cand("d3", "en", "q3", "D", "The minister expects the Geneva talks on a ceasefire to resume soon", 0.55),
                cand("d4", "en", "q4", "E", "Prisoner exchanges were discussed at the Geneva talks, officials said", 0.60));
        assertEquals("o0", ids(Selector.select(pool, 2, Strategy.UNCERTAINTY, 4, null)).get(0));
        assertEquals(List.of("d1", "d2"), ids(Selector.select(pool, 2, Strategy.DENSITY, 4, null)));
        assertTrue(Selector.select(pool, 1, Strategy.DENSITY, 4, null).get(0).reason().contains("density"));
    }

    @Test
    void densityGivesEveryPredictedLabelAShare() {
        // the three most uncertain are all predicted hostile; n 4 gives each stance label a share of
        // ceil(4 / 4) = 1 pick, so the conciliatory and skeptical ones get in before a second hostile (openness
        // labels vary, ceil(4 / 3) = 2 per label, so that share does not bind)
        List<Candidate> pool = List.of(
                rotate(cand("h1", "en", "r1", "A", "Our patience with the shelling of border villages has run out", new double[] {0.2, 0.4, 0.2, 0.2}, 0.4), 0, 0),
                rotate(cand("h2", "en", "r2", "B", "Our patience with the attacks on border villages is at an end", new double[] {0.2, 0.41, 0.2, 0.19}, 0.4), 0, 1),
                rotate(cand("h3", "en", "r3", "C", "We will answer every attack on our border villages with force", new double[] {0.2, 0.42, 0.2, 0.18}, 0.4), 0, 2),
                rotate(cand("c1", "en", "r4", "D", "We welcome the offer of talks about the border villages", new double[] {0.6, 0.2, 0.1, 0.1}, 0.4), 0, 0),
                rotate(cand("s1", "en", "r5", "E", "Nobody believes their promises about the border villages", new double[] {0.1, 0.1, 0.7, 0.1}, 0.4), 0, 1));
        List<String> picks = ids(Selector.select(pool, 4, Strategy.DENSITY, 3, null));
        assertEquals(4, picks.size());
        assertTrue(picks.containsAll(List.of("c1", "s1")), picks.toString());
        assertEquals(2, picks.stream().filter(id -> id.startsWith("h")).count(), picks.toString());
        assertTrue(picks.indexOf("c1") < 3 && picks.indexOf("s1") < 3, "both before the second hostile: " + picks);
    }

    @Test
    void largePoolHasNoDuplicatesAndSpreads() {
        List<String> vocab = new ArrayList<>();
        Random r = new Random(11);
        for (int i = 0; i < 300; i++) {
            vocab.add("word" + i);
        }
        List<String> langs = List.of("nb", "nn", "en", "de");
        List<Candidate> pool = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String text;
            if (i % 10 == 1) {
                text = pool.get(i - 1).statement().text(); // an exact copy
            } else if (i % 10 == 2) {
                String[] w = pool.get(i - 2).statement().text().split(" ");
                w[7] = "changed";
                text = String.join(" ", w); // one word of 15 changed: trigram Jaccard 10/16
            } else {
                StringBuilder b = new StringBuilder();
                for (int k = 0; k < 15; k++) {
                    b.append(k == 0 ? "" : " ").append(vocab.get(r.nextInt(vocab.size())));
                }
                text = b.toString();
            }
            // the copies are the most uncertain of all, so only the rule keeps them out
            double conf = i % 10 == 1 || i % 10 == 2 ? 0.36 : 0.4 + 0.5 * r.nextDouble();
            pool.add(rotate(cand("c" + i, langs.get(i % 4 == 3 ? 3 : r.nextInt(4)), "art" + r.nextInt(150), "spk" + r.nextInt(120),
                    text, conf), r.nextInt(4), r.nextInt(3)));
        }
        for (Strategy s : List.of(Strategy.UNCERTAINTY, Strategy.MARGIN, Strategy.DIVERSE, Strategy.DENSITY)) {
            List<Selector.Pick> picks = Selector.select(pool, 60, s, 7, null);
            assertEquals(60, picks.size());
            assertEquals(60, new HashSet<>(ids(picks)).size(), "duplicate ids");
            for (int i = 0; i < picks.size(); i++) {
                for (int j = i + 1; j < picks.size(); j++) {
                    String a = picks.get(i).candidate().statement().text();
                    String b = picks.get(j).candidate().statement().text();
                    assertTrue(NearDuplicateIndex.jaccard(NearDuplicateIndex.shingleHashes(CorpusValidator.normalize(a)),
                            NearDuplicateIndex.shingleHashes(CorpusValidator.normalize(b)))
                            < CorpusValidator.NEAR_DUPLICATE, s + ": near-duplicates " + a + " / " + b);
                }
            }
            assertTrue(max(count(picks, c -> c.group())) <= 1, s + ": two picks from one article");
            assertTrue(max(count(picks, c -> c.statement().speaker())) <= 1, s + ": two picks from one speaker");
            Map<String, Integer> byLang = count(picks, c -> c.statement().lang());
            Map<String, Integer> poolLang = new HashMap<>();
            pool.forEach(c -> poolLang.merge(c.statement().lang(), 1, Integer::sum));
            for (var e : byLang.entrySet()) {
                assertTrue(e.getValue() <= Math.ceil(60.0 * poolLang.get(e.getKey()) / pool.size()), s + ": " + byLang);
            }
        }
    }

    private static Map<String, Integer> count(List<Selector.Pick> picks, java.util.function.Function<Candidate, String> key) {
        Map<String, Integer> m = new LinkedHashMap<>();
        picks.forEach(p -> m.merge(key.apply(p.candidate()), 1, Integer::sum));
        return m;
    }

    private static int max(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    static List<String> ids(List<Selector.Pick> picks) {
        return picks.stream().map(p -> p.candidate().statement().id()).toList();
    }

    /**
     * A candidate whose top label in both tasks has probability {@code conf}, the rest shared evenly; for conf
     * above 1/3, a lower conf means a higher entropy in both tasks.
     */
    static Candidate cand(String id, String lang, String group, String speaker, String text, double conf) {
        double rest = (1 - conf) / 3;
        return cand(id, lang, group, speaker, text, new double[] {conf, rest, rest, rest}, conf);
    }

    static Candidate cand(String id, String lang, String group, String speaker, String text, double[] stance, double openTop) {
        Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
        tasks.put(Task.STANCE, prediction(Task.STANCE, stance));
        double rest = (1 - openTop) / 2;
        tasks.put(Task.OPENNESS, prediction(Task.OPENNESS, new double[] {openTop, rest, rest}));
        return new Candidate(new Statement(id, text, null, speaker, lang, null, null, group, null, null), group,
                new StatementPrediction(tasks));
    }

    /** The same candidate with each task's probabilities shifted by {@code ks} / {@code ko} labels. */
    static Candidate rotate(Candidate c, int ks, int ko) {
        Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
        for (Task t : Task.values()) {
            int k = t == Task.STANCE ? ks : ko;
            double[] p = new double[t.labels().size()];
            for (int j = 0; j < p.length; j++) {
                p[(j + k) % p.length] = c.prediction().get(t).p().get(t.labels().get(j));
            }
            tasks.put(t, prediction(t, p));
        }
        return new Candidate(c.statement(), c.group(), new StatementPrediction(tasks));
    }

    private static TaskPrediction prediction(Task t, double[] p) {
        Map<String, Double> m = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < p.length; i++) {
            m.put(t.labels().get(i), p[i]);
            best = p[i] > p[best] ? i : best;
        }
        return new TaskPrediction(t.labels().get(best), m);
    }
}

package dev.stance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {
    private static final String[] WORDS = ("talks resume next week after both delegations agreed on a schedule for"
            + " prisoner exchanges while officials warned the ceasefire remained fragile because troops stayed near"
            + " the border where shelling continued overnight observers called for restraint minister envoy said").split(" ");

    /** Word-trigram shingles as strings: the definition the index hashes. */
    private static Set<String> shingles(String normalized) {
        String[] w = normalized.split(" ");
        Set<String> out = new HashSet<>();
        if (w.length < 3) {
            out.addAll(List.of(w));
        } else {
            for (int i = 0; i + 3 <= w.length; i++) {
                out.add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
            }
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }

    @Test
    void findsExactlyThePairsAnAllPairsSearchFinds() {
        Random r = new Random(7);
        List<String> texts = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String text;
            if (i > 0 && r.nextInt(4) == 0) {
                // an edit of an earlier text: a few words changed, dropped or added, so Jaccard spreads around 0.6
                String[] w = texts.get(r.nextInt(texts.size())).split(" ");
                List<String> edited = new ArrayList<>(List.of(w));
                for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
                    if (edited.isEmpty()) {
                        edited.add(WORDS[r.nextInt(WORDS.length)]);
                    }
                    int at = r.nextInt(edited.size());
                    switch (r.nextInt(3)) {
                        case 0 -> edited.set(at, WORDS[r.nextInt(WORDS.length)]);
                        case 1 -> edited.remove(at);
                        default -> edited.add(at, WORDS[r.nextInt(WORDS.length)]);
                    }
                }
                text = String.join(" ", edited.isEmpty() ? List.of("talks") : edited);
            } else {
                StringBuilder b = new StringBuilder();
                for (int k = 0, n = 2 + r.nextInt(25); k < n; k++) {
                    b.append(k == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
                }
                text = b.toString();
            }
            texts.add(text);
            groups.add(r.nextInt(3));
        }
        Set<String> expected = new HashSet<>();
        for (int j = 0; j < texts.size(); j++) {
            for (int i = 0; i < j; i++) {
                double s = jaccard(shingles(texts.get(i)), shingles(texts.get(j)));
                if (!groups.get(i).equals(groups.get(j)) && s >= 0.6) {
                    expected.add(i + "-" + j + String.format(java.util.Locale.ROOT, ":%.6f", s));
                }
            }
        }
        NearDuplicateIndex index = new NearDuplicateIndex(0.6, 3);
        Set<String> found = new HashSet<>();
        for (int j = 0; j < texts.size(); j++) {
            for (NearDuplicateIndex.Match m : index.addAndFind(texts.get(j), groups.get(j), j)) {
                found.add(m.record() + "-" + j + String.format(java.util.Locale.ROOT, ":%.6f", m.jaccard()));
            }
        }
        assertTrue(expected.size() > 50, "the test data has near-duplicates to find: " + expected.size());
        assertEquals(expected, found);
    }

    @Test
    void neverMatchesWithinAGroup() {
        NearDuplicateIndex index = new NearDuplicateIndex(0.6, 3);
        assertEquals(List.of(), index.addAndFind("the talks resume next week in vienna", 0, 0));
        assertEquals(List.of(), index.addAndFind("the talks resume next week in vienna", 0, 1));
        List<NearDuplicateIndex.Match> m = index.addAndFind("the talks resume next week in vienna", 2, 2);
        assertEquals(List.of(new NearDuplicateIndex.Match(0, 1.0), new NearDuplicateIndex.Match(1, 1.0)), m);
    }
}

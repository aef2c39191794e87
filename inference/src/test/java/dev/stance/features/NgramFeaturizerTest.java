package dev.stance.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NgramFeaturizerTest {
    private final NgramFeaturizer f = new NgramFeaturizer(FeatureConfig.defaults());

    @Test
    void namesAreSortedUniqueAndIncludeBias() {
        FeatureVector v = f.featurize("«Vi er klare for samtaler», sa hun.", "Møtet ble utsatt.");
        String[] sorted = v.names().clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, v.names());
        assertEquals(v.names().length, Arrays.stream(v.names()).distinct().count());
        assertTrue(Arrays.asList(v.names()).contains(NgramFeaturizer.BIAS));
        assertTrue(Arrays.asList(v.names()).contains("w:klare for"));
        assertTrue(Arrays.asList(v.names()).contains("c:utsatt"));
    }

    @Test
    void sameInputGivesIdenticalVector() {
        FeatureVector a = f.featurize("Wir sind zu Gesprächen bereit.", null);
        FeatureVector b = new NgramFeaturizer(FeatureConfig.defaults()).featurize("Wir sind zu Gesprächen bereit.", null);
        assertArrayEquals(a.names(), b.names());
        assertArrayEquals(a.values(), b.values());
    }

    @Test
    void quoteStylesAndCaseNormaliseToTheSameFeatures() {
        FeatureVector a = f.featurize("«Vi er klare»", null);
        FeatureVector b = f.featurize("„VI ER KLARE“", null);
        assertArrayEquals(a.names(), b.names());
        assertArrayEquals(a.values(), b.values(), 1e-12);
    }

    @Test
    void contextIsIgnoredWhenWeightIsZero() {
        var noContext = new NgramFeaturizer(new FeatureConfig(List.of("lowercase"), 1, 3, 3, 0.0));
        assertFalse(Arrays.stream(noContext.featurize("a b", "context words").names()).anyMatch(n -> n.startsWith("c:")));
    }

    @Test
    void emptyTextStillHasTheBiasFeature() {
        FeatureVector v = f.featurize("", null);
        assertTrue(Arrays.asList(v.names()).contains(NgramFeaturizer.BIAS));
    }

    @Test
    void unknownNormalisationStepIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TextNormalizer(List.of("stem")));
        assertTrue(e.getMessage().contains("stem"));
    }

    @Test
    void invalidNgramRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureConfig(List.of(), 1, 5, 3, 0));
    }

    @Test
    void hashedVisitEmitsTheHashOfEveryNamedFeatureWithTheSameValueInTheSameOrder() {
        List<String[]> cases = new ArrayList<>(VariedTexts.cases());
        List<String> random = VariedTexts.random(300, 11);
        for (int i = 0; i < random.size(); i++) {
            cases.add(new String[] {random.get(i), i % 3 == 0 ? null : random.get((i + 1) % random.size())});
        }
        List<NgramFeaturizer> featurizers = List.of(f,
                new NgramFeaturizer(new FeatureConfig(List.of("quotes", "lowercase"), 3, 1, 6, 0.25)),
                new NgramFeaturizer(new FeatureConfig(List.of(), 0, 3, 3, 1.0)),
                new NgramFeaturizer(new FeatureConfig(List.of("nfkc"), 1, 0, 0, 0.0)));
        for (NgramFeaturizer fz : featurizers) {
            List<Long> hashes = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            HashedGramCounts counts = new HashedGramCounts((h, v) -> {
                hashes.add(h);
                values.add(v);
            });
            for (String[] c : cases) {
                List<Long> expectedHashes = new ArrayList<>();
                List<Double> expectedValues = new ArrayList<>();
                fz.visit(c[0], c[1], (name, v) -> {
                    expectedHashes.add(FeatureHash.of(name));
                    expectedValues.add(v);
                });
                hashes.clear();
                values.clear();
                fz.visitHashed(c[0], c[1], counts);
                String what = fz.config() + " on '" + c[0] + "' / '" + c[1] + "'";
                assertEquals(expectedHashes, hashes, what);
                assertEquals(expectedValues, values, what);
            }
        }
    }

    @Test
    void featureValuesFollowTheDefinition() {
        // "ja ja ja": unigram seen 3 times and bigram twice, each block L2-normalised, context weighted 0.5.
        FeatureVector v = f.featurize("Ja ja ja", "Nei");
        double uni = 1 + Math.log(3);
        double bi = 1 + Math.log(2);
        double norm = Math.sqrt(uni * uni + bi * bi);
        assertEquals(uni / norm, value(v, "w:ja"), 1e-15);
        assertEquals(bi / norm, value(v, "w:ja ja"), 1e-15);
        assertEquals(0.5, value(v, "c:nei"), 1e-15);
        assertEquals(1.0, value(v, NgramFeaturizer.BIAS), 0.0);
        assertTrue(Arrays.asList(v.names()).contains("ch: ja"));
        assertTrue(Arrays.asList(v.names()).contains("ch:ja ja"));
        assertEquals(List.of("w:\"", "w:\" vi", "w:vi", "w:vi \""),
                Arrays.stream(f.featurize("«Vi»", null).names()).filter(n -> n.startsWith("w:")).toList());
    }

    private static double value(FeatureVector v, String name) {
        int i = Arrays.asList(v.names()).indexOf(name);
        assertTrue(i >= 0, name + " missing from " + Arrays.toString(v.names()));
        return v.values()[i];
    }
}

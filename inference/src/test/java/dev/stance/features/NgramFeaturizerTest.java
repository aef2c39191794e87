package dev.stance.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

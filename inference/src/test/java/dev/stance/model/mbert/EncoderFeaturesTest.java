package dev.stance.model.mbert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.encoder.Encoded;
import dev.stance.model.Json;
import org.junit.jupiter.api.Test;

class EncoderFeaturesTest {
    // [CLS] s [SEP] c [SEP], token vectors 4 wide: two layers of 2.
    private static final Encoded TWO_LAYERS = new Encoded(5, 4, new float[] {
            1, 0, 0, 9,
            3, 4, 30, 40,
            0, 0, 0, 0,
            0, 2, 5, 0,
            0, 0, 0, 0}, new int[] {0, 0, 0, 1, 1});

    @Test
    void eachLayersShareOfEachPooledVectorIsNormalisedOnItsOwn() {
        double[] f = EncoderFeatures.of(TWO_LAYERS, 0.5, false, 2, true);
        assertEquals(12, f.length);
        // statement mean: (3, 4) from the last layer and (30, 40) from the lower one, each scaled to length 1
        assertEquals(0.6, f[0], 1e-6);
        assertEquals(0.8, f[1], 1e-6);
        assertEquals(0.6, f[2], 1e-6);
        assertEquals(0.8, f[3], 1e-6);
        // context mean (0, 2) and (5, 0), each scaled to the context weight
        assertEquals(0.5, f[5], 1e-6);
        assertEquals(0.5, f[6], 1e-6);
        // [CLS]: (1, 0) and (0, 9)
        assertEquals(1.0, f[8], 1e-6);
        assertEquals(1.0, f[11], 1e-6);
    }

    @Test
    void oneLayerNormalisesWholeVectors() {
        double[] f = EncoderFeatures.of(TWO_LAYERS, 0.5, false, 1, true);
        double norm = Math.sqrt(3 * 3 + 4 * 4 + 30 * 30 + 40 * 40);
        assertEquals(3 / norm, f[0], 1e-6);
        assertEquals(40 / norm, f[3], 1e-6);
    }

    @Test
    void withoutClsOnlyTheStatementAndAWeightedContextRemain() {
        double[] statementOnly = EncoderFeatures.of(TWO_LAYERS, 0.0, false, 2, false);
        assertEquals(4, statementOnly.length);
        assertEquals(0.6, statementOnly[0], 1e-6);
        assertEquals(0.8, statementOnly[3], 1e-6);
        double[] withContext = EncoderFeatures.of(TWO_LAYERS, 0.5, false, 2, false);
        assertEquals(8, withContext.length);
        assertEquals(0.5, withContext[5], 1e-6);
        assertEquals(0.5, withContext[6], 1e-6);
    }

    @Test
    void manifestsWrittenBeforeTheOptionKeepTheirClsLayout() throws Exception {
        MbertConfig old = Json.MAPPER.readValue(
                "{\"encoder\":\"x\",\"context_weight\":0.5,\"batch_size\":16,\"attention\":false}", MbertConfig.class);
        assertTrue(old.cls());
        assertEquals(12, EncoderFeatures.of(TWO_LAYERS, old).length);
    }
}

package dev.stance.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DensityTest {
    @Test
    void typicalStatementsOutweighTheOddOneOut() {
        List<String> texts = List.of(
                "The minister said the ceasefire talks in Geneva would continue next week",
                "The ceasefire talks in Geneva will continue, the minister said on Monday",
                "Talks on a ceasefire continue in Geneva next week, said the foreign minister",
                "Table 3: tonnes of grain, monthly, 2019-2023 (provisional)");
        double[] d = Density.of(texts, List.of("en", "en", "en", "en"));
        for (int i = 0; i < 3; i++) {
            assertTrue(d[i] > 3 * d[3], Arrays.toString(d));
        }
        assertEquals(1.0, Arrays.stream(d).average().orElseThrow(), 1e-9, "relative to the language's mean");
    }

    @Test
    void eachLanguageIsOnItsOwnScale() {
        List<String> texts = List.of(
                "Die Gespräche über den Waffenstillstand gehen weiter", "Die Gespräche über den Gefangenenaustausch gehen weiter",
                "Samtalene om våpenhvile fortsetter i Genève", "Regjeringen vil svare på enhver provokasjon", "Ein einzelner Satz");
        double[] d = Density.of(texts, List.of("de", "de", "nb", "nb", "nn"));
        assertEquals(2.0, d[0] + d[1], 1e-9);
        assertEquals(2.0, d[2] + d[3], 1e-9);
        assertEquals(1.0, d[4], 1e-9, "a language with one statement gets the neutral weight");
    }
}

package dev.stance.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbabilitiesTest {
    @Test
    void softmaxMatchesHandComputedValues() {
        Map<String, Double> p = Probabilities.softmax(List.of("a", "b"), new double[] {0, Math.log(3)}, 1.0);
        assertEquals(0.25, p.get("a"), 1e-12);
        assertEquals(0.75, p.get("b"), 1e-12);
    }

    @Test
    void temperatureFlattensAndRoundTripsProbabilities() {
        double[] logits = Probabilities.logits(new double[] {0.2, 0.8});
        Map<String, Double> same = Probabilities.softmax(List.of("a", "b"), logits, 1.0);
        assertEquals(0.8, same.get("b"), 1e-9);
        // T = 2 takes the square root of the odds: 4:1 becomes 2:1.
        Map<String, Double> flat = Probabilities.softmax(List.of("a", "b"), logits, 2.0);
        assertEquals(2.0 / 3.0, flat.get("b"), 1e-9);
        assertEquals("b", Probabilities.argmax(flat));
    }
}

package dev.stance.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassMetricsTest {
    private static final List<String> LABELS = List.of("a", "b", "c");

    @Test
    void matchesAHandComputedExample() {
        // gold:  a a a b b c
        // pred:  a a b b c c
        ClassMetrics m = ClassMetrics.of(LABELS, List.of("a", "a", "a", "b", "b", "c"), List.of("a", "a", "b", "b", "c", "c"));
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
        // a: P=2/2 R=2/3 F1=0.8; b: P=1/2 R=1/2 F1=0.5; c: P=1/2 R=1/1 F1=2/3
        assertEquals(0.8, m.perClass().get("a").f1(), 1e-12);
        assertEquals(0.5, m.perClass().get("b").f1(), 1e-12);
        assertEquals(2.0 / 3, m.perClass().get("c").f1(), 1e-12);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), 1e-12);
        assertEquals(3, m.perClass().get("a").support());
        assertArrayEquals(new long[] {2, 1, 0}, m.confusion()[0]);
        assertArrayEquals(new long[] {0, 1, 1}, m.confusion()[1]);
        assertArrayEquals(new long[] {0, 0, 1}, m.confusion()[2]);
    }

    @Test
    void macroAveragesOnlyOverLabelsThatOccur() {
        ClassMetrics m = ClassMetrics.of(LABELS, List.of("a", "b"), List.of("a", "b"));
        assertEquals(1.0, m.macroF1(), 1e-12);
        ClassMetrics wrong = ClassMetrics.of(LABELS, List.of("a", "a"), List.of("a", "c"));
        // a: P=1 R=0.5 F1=2/3; c: predicted but absent, F1=0 -> macro 1/3
        assertEquals(1.0 / 3, wrong.macroF1(), 1e-12);
    }

    @Test
    void rejectsUnknownLabelsAndMisalignedInput() {
        assertThrows(IllegalArgumentException.class, () -> ClassMetrics.of(LABELS, List.of("x"), List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> ClassMetrics.of(LABELS, List.of("a"), List.of()));
    }
}

package dev.stance.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stance.model.StatementInput;
import dev.stance.model.mbert.MbertConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementOnlyEncoderTest {
    @Test
    void encodesTheStatementAloneAndNeverItsContext() {
        // WordEncoder fails on any pair, so a context that leaked through would throw.
        SeparateContextEncoderTest.WordEncoder words = new SeparateContextEncoderTest.WordEncoder();
        List<Encoded> out = new StatementOnlyEncoder(words).encode(List.of(
                new StatementInput("a b", "c d e"), new StatementInput("f", null)));
        assertEquals(List.of("a b", "f"), words.seen);
        assertEquals(4, out.get(0).tokens());
        assertArrayEquals(new int[4], out.get(0).segments());
        assertEquals(3, out.get(1).tokens());
    }

    @Test
    void zeroContextWeightNamesTheStatementOnlyEncoder() {
        // The id keys the embedding cache and is checked on load: a statement-only head must never read
        // embeddings made with the context, nor the reverse.
        assertEquals(MbertEncoder.id(6, 0) + "/statement-only", MbertConfig.encoderId(6, 0, true, 0.0));
        assertEquals(MbertEncoder.id(6, 0) + "/statement-only", MbertConfig.encoderId(6, 0, false, 0.0));
        assertEquals(MbertEncoder.id(6, 0) + "/separate-context", MbertConfig.encoderId(6, 0, true, 0.5));
        assertEquals("words/statement-only", new StatementOnlyEncoder(new SeparateContextEncoderTest.WordEncoder()).id());
    }
}

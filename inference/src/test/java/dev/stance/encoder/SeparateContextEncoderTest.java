package dev.stance.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stance.model.StatementInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeparateContextEncoderTest {
    /** One token per word plus [CLS] and [SEP]; token t of a text has every component equal to code·100 + t. */
    static final class WordEncoder implements TextEncoder {
        final List<String> seen = new ArrayList<>();

        @Override
        public String id() {
            return "words";
        }

        @Override
        public int dim() {
            return 2;
        }

        @Override
        public List<Encoded> encode(List<StatementInput> inputs) {
            List<Encoded> out = new ArrayList<>();
            for (StatementInput in : inputs) {
                if (in.context() != null) {
                    throw new AssertionError("inner encoder got a pair");
                }
                seen.add(in.text());
                int n = in.text().split(" ").length + 2;
                float[] seq = new float[n * 2];
                for (int t = 0; t < n; t++) {
                    seq[2 * t] = seq[2 * t + 1] = in.text().charAt(0) * 100 + t;
                }
                out.add(new Encoded(n, 2, seq, new int[n]));
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void joinsStatementAndContextIntoThePairLayout() {
        WordEncoder words = new WordEncoder();
        Encoded e = new SeparateContextEncoder(words).encode(List.of(new StatementInput("a b", "c d e"))).get(0);
        // [CLS] a b [SEP] from the statement, then c d e [SEP] from the context (its [CLS] dropped).
        assertEquals(4 + 4, e.tokens());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, e.segments());
        float a = 'a' * 100;
        float c = 'c' * 100;
        assertArrayEquals(new float[] {a, a, a + 1, a + 1, a + 2, a + 2, a + 3, a + 3,
                c + 1, c + 1, c + 2, c + 2, c + 3, c + 3, c + 4, c + 4}, e.sequence());
    }

    @Test
    void encodesEachDistinctSentenceOnceAndPassesStatementsWithoutContextThrough() {
        WordEncoder words = new WordEncoder();
        var separate = new SeparateContextEncoder(words);
        // An article's chain: each sentence is the next one's context.
        List<Encoded> out = separate.encode(List.of(new StatementInput("x one", null),
                new StatementInput("y two", "x one"), new StatementInput("z three", "y two"),
                new StatementInput("w four", " ")));
        assertEquals(List.of("x one", "y two", "z three", "w four"), words.seen);
        assertEquals(4, out.get(0).tokens());
        assertArrayEquals(new int[4], out.get(0).segments());
        assertEquals(7, out.get(1).tokens());
        assertEquals(4, out.get(3).tokens(), "a blank context is no context");
        assertEquals("words" + SeparateContextEncoder.ID_SUFFIX, separate.id());
    }

    @Test
    void poolingOfAJoinedEncodingSeesStatementAndContextSeparately() {
        Encoded e = new SeparateContextEncoder(new WordEncoder()).encode(List.of(new StatementInput("a b", "c d e"))).get(0);
        float[] pooled = Pooling.meanStatementContextCls(e);
        assertEquals('a' * 100 + 1.5f, pooled[0], 1e-4);
        assertEquals('c' * 100 + 2f, pooled[2], 1e-4);
        assertEquals('a' * 100, pooled[4], 1e-4);
    }
}

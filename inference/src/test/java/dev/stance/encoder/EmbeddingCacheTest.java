package dev.stance.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stance.model.StatementInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
    @TempDir
    java.nio.file.Path dir;

    /** Encodes each text as tokens = length % 5 + 3, values derived from the text, rounded like a real encoder. */
    static final class FakeEncoder implements TextEncoder {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger statements = new AtomicInteger();

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public int dim() {
            return 4;
        }

        @Override
        public List<Encoded> encode(List<StatementInput> inputs) {
            calls.incrementAndGet();
            statements.addAndGet(inputs.size());
            List<Encoded> out = new ArrayList<>();
            for (StatementInput in : inputs) {
                int n = in.text().length() % 5 + 3;
                float[] seq = new float[n * 4];
                for (int i = 0; i < seq.length; i++) {
                    seq[i] = Encoded.bf16((float) Math.sin(in.text().hashCode() + i * 0.37));
                }
                int[] seg = new int[n];
                seg[n - 1] = in.context() == null ? 0 : 1;
                out.add(new Encoded(n, 4, seq, seg));
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void encodesOnlyWhatIsMissingAndRoundTripsExactly() {
        FakeEncoder fake = new FakeEncoder();
        List<StatementInput> in = List.of(new StatementInput("a b c", null), new StatementInput("d e", "ctx"));
        List<Encoded> first;
        try (EmbeddingCache cache = new EmbeddingCache(dir, "fake", () -> fake)) {
            first = cache.encode(in, 8, null);
        }
        assertEquals(2, fake.statements.get());
        FakeEncoder second = new FakeEncoder();
        try (EmbeddingCache cache = new EmbeddingCache(dir, "fake", () -> second)) {
            List<Encoded> again = cache.encode(List.of(in.get(1), in.get(0), new StatementInput("new", null)), 8, null);
            assertEquals(1, second.statements.get(), "only the new statement is encoded");
            assertArrayEquals(first.get(0).sequence(), again.get(1).sequence());
            assertArrayEquals(first.get(1).segments(), again.get(0).segments());
        }
    }

    @Test
    void contextIsPartOfTheKey() {
        FakeEncoder fake = new FakeEncoder();
        try (EmbeddingCache cache = new EmbeddingCache(dir, "fake", () -> fake)) {
            cache.encode(List.of(new StatementInput("same", null)), 8, null);
            cache.encode(List.of(new StatementInput("same", "other context")), 8, null);
        }
        assertEquals(2, fake.statements.get());
    }

    @Test
    void bf16RoundingIsIdempotent() {
        for (float v : new float[] {0.1f, -3.14159f, 1e-8f, 123456.78f}) {
            float r = Encoded.bf16(v);
            assertEquals(r, Encoded.bf16(r));
            assertEquals(v, r, Math.abs(v) / 128);
        }
    }
}

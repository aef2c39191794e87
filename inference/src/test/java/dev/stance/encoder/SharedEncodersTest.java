package dev.stance.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stance.model.StatementInput;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedEncodersTest {
    static final class CountingEncoder implements TextEncoder {
        static final AtomicInteger OPENED = new AtomicInteger();
        final String id;
        final AtomicInteger closed = new AtomicInteger();

        CountingEncoder(String id) {
            this.id = id;
            OPENED.incrementAndGet();
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int dim() {
            return 2;
        }

        @Override
        public List<Encoded> encode(List<StatementInput> inputs) {
            return inputs.stream().map(in -> new Encoded(1, 2, new float[] {in.text().length(), 0}, new int[] {0})).toList();
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void twoHandlesOnOneIdOpenTheEncoderOnceAndTheLastCloseClosesIt() {
        int before = CountingEncoder.OPENED.get();
        CountingEncoder[] made = new CountingEncoder[1];
        TextEncoder a = SharedEncoders.acquire("shared-test", () -> made[0] = new CountingEncoder("shared-test"));
        TextEncoder b = SharedEncoders.acquire("shared-test", () -> new CountingEncoder("shared-test"));
        assertEquals(before + 1, CountingEncoder.OPENED.get());
        a.close();
        a.close(); // a second close of the same handle must not release the other handle's share
        assertEquals(0, made[0].closed.get());
        assertEquals(3f, b.encode(List.of(new StatementInput("abc", null))).get(0).sequence()[0]);
        assertThrows(IllegalStateException.class, () -> a.encode(List.of(new StatementInput("x", null))));
        b.close();
        assertEquals(1, made[0].closed.get());
        assertEquals(0, SharedEncoders.openCount());
    }

    @Test
    void anEncoderWhoseIdDiffersFromTheRequestIsRefused() {
        CountingEncoder[] made = new CountingEncoder[1];
        assertThrows(IllegalStateException.class,
                () -> SharedEncoders.acquire("wanted", () -> made[0] = new CountingEncoder("other")));
        assertEquals(1, made[0].closed.get());
        assertEquals(0, SharedEncoders.openCount());
    }
}

package dev.stance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadProgressTest {
    @Test
    void redrawsAtMostEvery200MsAndEndsWithTheFinalFigures() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long[] now = {0};
        ReadProgress p = new ReadProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), 4 * 1024 * 1024,
                () -> now[0]);
        now[0] = 100_000_000L;
        p.update(10, 1024 * 1024);
        assertEquals("", buf.toString(StandardCharsets.UTF_8), "no redraw within 200 ms of the start");
        now[0] = 1_000_000_000L;
        p.update(500, 2 * 1024 * 1024);
        assertEquals("\rvalidating: 500 records, 2 of 4 MB (50%), 500 records/s", buf.toString(StandardCharsets.UTF_8));
        buf.reset();
        now[0] = 2_000_000_000L;
        p.update(1000, 4 * 1024 * 1024);
        buf.reset();
        p.finish();
        assertEquals("\rvalidating: 1,000 records, 4 of 4 MB (100%), 500 records/s\n", buf.toString(StandardCharsets.UTF_8));
    }
}

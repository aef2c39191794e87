package dev.stance.corpus;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display for {@code data validate} on a terminal: records read, megabytes read of the
 * total, and records per second, redrawn in place at most every {@value #REDRAW_MS} ms. The CLI adds it only
 * when {@code System.console() != null}, so redirected runs stay clean.
 */
public final class ReadProgress implements CorpusValidator.Progress {
    static final long REDRAW_MS = 200;

    private final PrintStream err;
    private final long totalBytes;
    private final LongSupplier nanos;
    private final long start;
    private long lastDraw;
    private long records;
    private long bytes;

    /** @param totalBytes the size of all files together */
    public ReadProgress(PrintStream err, long totalBytes) {
        this(err, totalBytes, System::nanoTime);
    }

    ReadProgress(PrintStream err, long totalBytes, LongSupplier nanos) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.lastDraw = start;
    }

    @Override
    public void update(long recordsRead, long bytesRead) {
        records = recordsRead;
        bytes = bytesRead;
        long now = nanos.getAsLong();
        if (now - lastDraw >= REDRAW_MS * 1_000_000L) {
            lastDraw = now;
            err.print("\r" + line(now));
            err.flush();
        }
    }

    /** Draws the final figures and ends the line. */
    public void finish() {
        err.print("\r" + line(nanos.getAsLong()) + "\n");
        err.flush();
    }

    String line(long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        double mb = 1024.0 * 1024.0;
        int percent = totalBytes > 0 ? (int) Math.min(100, 100 * bytes / totalBytes) : 100;
        return String.format(Locale.ROOT, "validating: %,d records, %.0f of %.0f MB (%d%%), %.0f records/s",
                records, bytes / mb, totalBytes / mb, percent, records / seconds);
    }
}

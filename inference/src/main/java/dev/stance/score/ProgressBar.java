package dev.stance.score;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on stderr: articles done, articles per second and, when the total is known,
 * a bar and the time left. Redrawn at most every {@value #REDRAW_MS} ms so it never slows the run. The CLI
 * adds it only when {@code System.console() != null}, so redirected or piped runs stay clean.
 */
public final class ProgressBar implements ArticleListener {
    static final long REDRAW_MS = 200;
    private static final int WIDTH = 24;

    private final PrintStream err;
    private final int total;
    private final LongSupplier nanos;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private int done;

    /** @param total number of articles, or -1 when unknown (JSON Lines, stdin) */
    public ProgressBar(PrintStream err, int total) {
        this(err, total, System::nanoTime);
    }

    ProgressBar(PrintStream err, int total, LongSupplier nanos) {
        this.err = err;
        this.total = total;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    @Override
    public void accept(ArticleResult result) {
        done++;
        long now = nanos.getAsLong();
        if (now - lastDraw >= REDRAW_MS * 1_000_000L || done == total) {
            lastDraw = now;
            err.print('\r' + line(now));
            err.flush();
        }
    }

    @Override
    public void finish() {
        err.print('\r' + line(nanos.getAsLong()) + '\n');
        err.flush();
    }

    String line(long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        double rate = done / seconds;
        if (total <= 0) {
            return String.format(Locale.ROOT, "%d articles  %.1f/s", done, rate);
        }
        int filled = (int) Math.min(WIDTH, (long) WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        return String.format(Locale.ROOT, "[%s] %d/%d articles  %.1f/s  ETA %s", bar, done, total, rate, eta);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}

package dev.stance.score;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over the articles of one file that reads the next one only when asked, so a file of any size is
 * streamed. Subclasses implement {@link #read()}, which returns null at the end (and may call {@link #end()} to
 * stop after the article it returns).
 */
abstract class ReadAhead implements Iterator<Article> {
    private Article next;
    private boolean done;

    /** The next article or error record, or null when there is none. */
    protected abstract Article read();

    /** No article after the one being returned. */
    protected final void end() {
        done = true;
    }

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = read();
            if (next == null) {
                done = true;
            }
        }
        return next != null;
    }

    @Override
    public final Article next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Article a = next;
        next = null;
        return a;
    }
}

package dev.stance.score;

import java.io.Closeable;
import java.io.IOException;

/** Where scored sentences and error records go, one line each. */
public interface ResultWriter extends Closeable {
    void write(ScoredSentence s) throws IOException;

    void writeError(String article, String error) throws IOException;

    /** Makes the output visible (atomic rename for files); without it, {@link #close()} discards it. */
    void commit() throws IOException;
}

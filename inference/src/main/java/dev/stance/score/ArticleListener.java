package dev.stance.score;

import java.io.IOException;

/** Receives each article's result in input order, after its lines were written (summary, report, progress). */
public interface ArticleListener {
    void accept(ArticleResult result) throws IOException;

    /** Called once after the last article, before the main output is committed. */
    default void finish() throws IOException {
    }
}

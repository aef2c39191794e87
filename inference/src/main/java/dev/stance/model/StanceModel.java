package dev.stance.model;

import java.util.List;

/**
 * A loaded model of any family. Implementations own their native resources; close them with
 * try-with-resources.
 */
public interface StanceModel extends AutoCloseable {
    Manifest manifest();

    default String id() {
        return manifest().id();
    }

    /** Predicts both tasks for each input, in input order. Thread-safe. */
    List<StatementPrediction> predict(List<StatementInput> inputs);

    @Override
    default void close() {
    }
}

package dev.stance.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Statement;
import dev.stance.model.StatementPrediction;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One way of training a model family, as cross-validation needs it: fit on some records, predict others, and
 * (for the chosen recipe) export what was fitted. Predictions are uncalibrated (temperature 1): the
 * temperature is fitted afterwards on out-of-fold predictions.
 */
public interface FoldRecipe {
    /** A short description for logs and reports, e.g. {@code mbert-dl4j (training/configs/x.json)}. */
    String describe();

    /** The family name written to manifests. */
    String family();

    /**
     * Called once, before any fold, with every record any fold will train on or predict, so that expensive
     * per-record work (encoding) is done once. Records are told apart by identity.
     */
    default void prepare(List<Statement> all, PrintStream log) throws IOException {
    }

    /** Trains on {@code train} (records may repeat: a repeat weighs like a second copy). */
    Fitted fit(List<Statement> train, PrintStream log);

    /** A trained model of the recipe. */
    interface Fitted {
        /** Uncalibrated predictions, aligned with {@code data}. */
        List<StatementPrediction> predict(List<Statement> data);

        /** The epoch count early stopping kept, or 0 when the recipe does not stop early. */
        default int epochs() {
            return 0;
        }

        /** Exports the model as {@code root/name-vN} with the given temperatures and metrics. */
        Path export(List<Path> files, ObjectNode metrics, Map<String, Double> temperature, Path root, String name)
                throws IOException;
    }
}

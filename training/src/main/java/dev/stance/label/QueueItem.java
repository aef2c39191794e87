package dev.stance.label;

import dev.stance.data.Statement;
import dev.stance.model.StatementPrediction;

/**
 * One statement of a labelling queue.
 *
 * @param statement the statement, without labels
 * @param group its article or page
 * @param suggestion the model's prediction, or null when the queue came without one
 * @param model the id of the model that made the suggestion, or null
 * @param reason why selection picked it, or null
 */
public record QueueItem(Statement statement, String group, StatementPrediction suggestion, String model,
                        String reason) {
}

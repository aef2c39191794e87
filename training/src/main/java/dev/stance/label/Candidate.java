package dev.stance.label;

import dev.stance.data.Statement;
import dev.stance.model.StatementPrediction;

/**
 * A statement that could be labelled next, with the model's prediction for it.
 *
 * @param statement the statement (labels, if any, are ignored by selection)
 * @param group the article or page it comes from (an article path, a URL, or the record id when unknown);
 *              selection spreads picks over groups
 * @param prediction the model's prediction for both tasks
 */
public record Candidate(Statement statement, String group, StatementPrediction prediction) {
}

package dev.stance.score;

import dev.stance.model.StatementPrediction;

/** One scored sentence of an article, with offsets into the article's original text. */
public record ScoredSentence(String article, int index, int start, int end, String text,
                             StatementPrediction prediction, String model) {
}

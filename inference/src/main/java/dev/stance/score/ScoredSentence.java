package dev.stance.score;

import dev.stance.model.StatementPrediction;
import dev.stance.statements.StatementKind;

/**
 * One scored sentence of an article, with offsets into the article's text, the article's SHA-256 (so a resumed
 * run can tell whether it already scored this exact text), the sentence's language, statement kind and speaker
 * ({@code null} when none was found), the model: its id and the short SHA-256 of its manifest
 * ({@code null} when the model was not loaded from a folder), which tells an edited copy from the original, and
 * the article's {@code url} and {@code date} where its source gives them (WARC records, saved pages), else null.
 */
public record ScoredSentence(String article, String articleSha256, int index, int start, int end, String text,
                             String lang, StatementKind kind, String speaker, StatementPrediction prediction,
                             String model, String modelSha256, String url, String date) {
    public ScoredSentence(String article, String articleSha256, int index, int start, int end, String text,
                          String lang, StatementKind kind, String speaker, StatementPrediction prediction,
                          String model, String modelSha256) {
        this(article, articleSha256, index, start, end, text, lang, kind, speaker, prediction, model, modelSha256,
                null, null);
    }
}

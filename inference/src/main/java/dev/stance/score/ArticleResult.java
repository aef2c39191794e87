package dev.stance.score;

import java.util.List;

/** Everything one article produced: its sentences, or the error that stopped it ({@code sentences} empty). */
public record ArticleResult(Article article, String sha256, String lang, List<ScoredSentence> sentences,
                            String error) {
    public boolean failed() {
        return error != null;
    }
}

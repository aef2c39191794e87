package dev.stance.score;

import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.segment.SentenceSplitter;
import dev.stance.segment.Span;
import java.util.ArrayList;
import java.util.List;

/** Splits an article into sentences and scores each with the sentence before it as context. */
public final class ArticleScorer {
    private final StanceModel model;

    public ArticleScorer(StanceModel model) {
        this.model = model;
    }

    /** An article split into sentences, with each sentence's model input. */
    public record Segmented(Article article, List<Span> spans, List<StatementInput> inputs) {
    }

    public static Segmented segment(Article article) {
        List<Span> spans = SentenceSplitter.split(article.text());
        List<StatementInput> inputs = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            inputs.add(new StatementInput(spans.get(i).text(), i == 0 ? null : spans.get(i - 1).text()));
        }
        return new Segmented(article, spans, inputs);
    }

    public List<ScoredSentence> score(Article article) {
        Segmented seg = segment(article);
        return assemble(seg, seg.inputs().isEmpty() ? List.of() : model.predict(seg.inputs()));
    }

    /** Joins an article's sentences with their predictions (aligned with {@code seg.inputs()}). */
    public List<ScoredSentence> assemble(Segmented seg, List<StatementPrediction> preds) {
        Article article = seg.article();
        List<Span> spans = seg.spans();
        List<ScoredSentence> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            out.add(new ScoredSentence(article.id(), i, s.start(), s.end(), s.text(), preds.get(i), model.id()));
        }
        return out;
    }
}

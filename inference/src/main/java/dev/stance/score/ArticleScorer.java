package dev.stance.score;

import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.segment.SentenceSplitter;
import dev.stance.sources.Furniture;
import dev.stance.segment.Span;
import dev.stance.statements.Attribution;
import dev.stance.statements.StatementDetector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Splits an article into sentences, finds its statements and speakers, and scores each sentence with the
 * sentence before it as context. With {@code statementsOnly}, narration is neither scored nor output (it still
 * serves as context for the statement after it). Page furniture ({@link Furniture}: "Annonse", "Les også:",
 * credits, share bars) is left out, neither scored nor context; with {@code keepBoilerplate} it is scored and
 * output as narration, never as a statement.
 */
public final class ArticleScorer {
    private final StanceModel model;
    private final boolean statementsOnly;
    private final String modelSha256;
    private final boolean keepBoilerplate;

    /** {@code modelSha256}: the short SHA-256 of the model's manifest, written with every sentence, or null. */
    public ArticleScorer(StanceModel model, boolean statementsOnly, String modelSha256) {
        this(model, statementsOnly, modelSha256, false);
    }

    /** {@code keepBoilerplate}: output page furniture as narration instead of leaving it out. */
    public ArticleScorer(StanceModel model, boolean statementsOnly, String modelSha256, boolean keepBoilerplate) {
        this.model = model;
        this.statementsOnly = statementsOnly;
        this.modelSha256 = modelSha256;
        this.keepBoilerplate = keepBoilerplate;
    }

    public ArticleScorer(StanceModel model, boolean statementsOnly) {
        this(model, statementsOnly, null);
    }

    public ArticleScorer(StanceModel model) {
        this(model, false);
    }

    /**
     * An article split into sentences with their language and attribution; {@code scored} lists the sentence
     * indexes that go to the model, aligned with {@code inputs}.
     */
    public record Segmented(Article article, String sha256, String lang, List<Span> spans, List<String> langs,
                            List<Attribution> attributions, List<Integer> scored, List<StatementInput> inputs) {
    }

    public Segmented segment(Article article) {
        String text = article.text();
        List<Span> spans = SentenceSplitter.split(text);
        String lang = ArticleLanguage.ofArticle(text);
        List<String> langs = ArticleLanguage.ofSentences(text, spans, lang);
        List<Attribution> attributions = new ArrayList<>(StatementDetector.detect(text, spans, langs, lang));
        List<Integer> scored = new ArrayList<>(spans.size());
        List<StatementInput> inputs = new ArrayList<>(spans.size());
        boolean[] furniture = furniture(text, spans);
        String context = null;
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (furniture[i]) {
                if (!keepBoilerplate) {
                    continue;
                }
                attributions.set(i, Attribution.NARRATION);
            }
            if (!statementsOnly || attributions.get(i).isStatement()) {
                scored.add(i);
                inputs.add(new StatementInput(s.text(), context));
            }
            context = s.text();
        }
        return new Segmented(article, sha256(text), lang, spans, langs, attributions, scored, inputs);
    }

    private static boolean[] furniture(String text, List<Span> spans) {
        int[] starts = new int[spans.size()];
        int[] ends = new int[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            starts[i] = spans.get(i).start();
            ends[i] = spans.get(i).end();
        }
        return Furniture.sentences(text, Furniture.lines(text), starts, ends);
    }

    public List<ScoredSentence> score(Article article) {
        Segmented seg = segment(article);
        return assemble(seg, seg.inputs().isEmpty() ? List.of() : model.predict(seg.inputs()));
    }

    /** Joins an article's sentences with their predictions (aligned with {@code seg.inputs()}). */
    public List<ScoredSentence> assemble(Segmented seg, List<StatementPrediction> preds) {
        List<ScoredSentence> out = new ArrayList<>(seg.scored().size());
        for (int k = 0; k < seg.scored().size(); k++) {
            int i = seg.scored().get(k);
            Span s = seg.spans().get(i);
            Attribution a = seg.attributions().get(i);
            out.add(new ScoredSentence(seg.article().id(), seg.sha256(), i, s.start(), s.end(), s.text(),
                    seg.langs().get(i), a.kind(), a.speaker(), preds.get(k), model.id(), modelSha256,
                    seg.article().url(), seg.article().date()));
        }
        return out;
    }

    /** Hex SHA-256 of the article text as UTF-8: identifies the exact text that was scored. */
    public static String sha256(String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }
}

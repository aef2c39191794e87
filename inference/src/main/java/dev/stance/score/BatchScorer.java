package dev.stance.score;

import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores a stream of articles in chunks: a chunk's articles are segmented in parallel, all their sentences go
 * to the model in one call (so a transformer batches across articles, not within one short article), and the
 * results are written in input order. Memory is bounded by the chunk size and the output order never depends
 * on thread timing. If the chunk call fails, each article is retried alone, so a failure becomes that one
 * article's error record and the run goes on.
 *
 * <p>An article's id is its key in the output (and in a resumed run), so ids are unique within a run: an
 * article whose id an earlier one of the run already had gets an error record instead of being scored.
 */
public final class BatchScorer {
    /** Articles held in memory at once. */
    static final int CHUNK = 64;
    /**
     * A chunk also ends once its articles hold this many characters, so the texts, sentences and encoder
     * batches in flight stay bounded whatever the article sizes (64 inputs near the 8 MiB cap would otherwise
     * be held at once) and the scorer runs in a fixed heap.
     */
    static final int CHUNK_CHARS = 2 << 20;

    private final StanceModel model;
    private final ArticleScorer scorer;
    private final List<ArticleListener> listeners = new ArrayList<>();
    private Predicate<Article> skip = a -> false;

    public BatchScorer(StanceModel model) {
        this(model, false);
    }

    public BatchScorer(StanceModel model, boolean statementsOnly) {
        this(model, statementsOnly, null);
    }

    /** {@code modelSha256}: see {@link ArticleScorer#ArticleScorer(StanceModel, boolean, String)}. */
    public BatchScorer(StanceModel model, boolean statementsOnly, String modelSha256) {
        this(model, statementsOnly, modelSha256, false);
    }

    /** {@code keepBoilerplate}: score page furniture as narration instead of leaving it out. */
    public BatchScorer(StanceModel model, boolean statementsOnly, String modelSha256, boolean keepBoilerplate) {
        this.model = model;
        this.scorer = new ArticleScorer(model, statementsOnly, modelSha256, keepBoilerplate);
    }

    /** Adds a receiver of every article's result (summary, report, progress). */
    public BatchScorer listen(ArticleListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Articles for which {@code skip} is true are passed over without output (a resumed run's done ones). */
    public BatchScorer skip(Predicate<Article> skip) {
        this.skip = skip;
        return this;
    }

    /** Counts of one run. */
    public record Summary(int articles, int failed, long sentences, int skipped, double seconds) {
    }

    private record Outcome(Article article, ArticleScorer.Segmented seg, List<ScoredSentence> sentences,
                           String error) {
    }

    public Summary run(Iterable<Article> articles, ResultWriter out) throws IOException {
        long t0 = System.nanoTime();
        int total = 0;
        int failed = 0;
        int skipped = 0;
        long sentences = 0;
        List<Article> chunk = new ArrayList<>(CHUNK);
        long chunkChars = 0;
        Set<String> ids = new HashSet<>();
        var it = articles.iterator();
        while (it.hasNext()) {
            Article next = it.next();
            if (!ids.add(next.id())) {
                next = Article.failed(next.id(), "duplicate id: an earlier input of this run has the same id;"
                        + " ids must be unique, this one is not scored");
            }
            if (!next.failed() && skip.test(next)) {
                skipped++;
            } else {
                chunk.add(next);
                chunkChars += next.text() == null ? 0 : next.text().length();
            }
            if (chunk.size() == CHUNK || chunkChars >= CHUNK_CHARS || (!it.hasNext() && !chunk.isEmpty())) {
                for (Outcome o : scoreChunk(chunk)) {
                    total++;
                    ArticleResult r;
                    if (o.error() != null) {
                        failed++;
                        out.writeError(o.article().id(), o.error());
                        r = new ArticleResult(o.article(), null, null, List.of(), o.error());
                    } else {
                        for (ScoredSentence s : o.sentences()) {
                            out.write(s);
                        }
                        sentences += o.sentences().size();
                        r = new ArticleResult(o.article(), o.seg().sha256(), o.seg().lang(), o.sentences(), null);
                    }
                    for (ArticleListener l : listeners) {
                        l.accept(r);
                    }
                }
                chunk.clear();
                chunkChars = 0;
            }
        }
        for (ArticleListener l : listeners) {
            l.finish();
        }
        out.commit();
        return new Summary(total, failed, sentences, skipped, (System.nanoTime() - t0) / 1e9);
    }

    private List<Outcome> scoreChunk(List<Article> chunk) {
        List<ArticleScorer.Segmented> segs = chunk.parallelStream()
                .map(a -> a.failed() ? null : segmentOrNull(a)).toList();
        List<StatementInput> all = new ArrayList<>();
        for (ArticleScorer.Segmented s : segs) {
            if (s != null) {
                all.addAll(s.inputs());
            }
        }
        List<StatementPrediction> preds;
        try {
            preds = all.isEmpty() ? List.of() : model.predict(all);
        } catch (RuntimeException | StackOverflowError e) {
            return chunk.stream().map(this::scoreOne).toList(); // isolate the failing article(s)
        }
        List<Outcome> out = new ArrayList<>(chunk.size());
        int offset = 0;
        for (int i = 0; i < chunk.size(); i++) {
            ArticleScorer.Segmented s = segs.get(i);
            if (s == null) {
                out.add(scoreOne(chunk.get(i))); // failed to read, or segmentation threw: the error record
                continue;
            }
            int n = s.inputs().size();
            out.add(new Outcome(chunk.get(i), s, scorer.assemble(s, preds.subList(offset, offset + n)), null));
            offset += n;
        }
        return out;
    }

    private ArticleScorer.Segmented segmentOrNull(Article a) {
        try {
            return scorer.segment(a);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private Outcome scoreOne(Article a) {
        if (a.failed()) {
            return new Outcome(a, null, null, a.error());
        }
        try {
            ArticleScorer.Segmented seg = scorer.segment(a);
            List<ScoredSentence> s = scorer.assemble(seg, seg.inputs().isEmpty() ? List.of() : model.predict(seg.inputs()));
            return new Outcome(a, seg, s, null);
        } catch (RuntimeException e) {
            return new Outcome(a, null, null, "scoring failed: " + e);
        } catch (StackOverflowError e) {
            return new Outcome(a, null, null, "scoring failed: input too deeply nested");
        }
    }

}

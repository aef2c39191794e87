package dev.stance.score;

import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a stream of articles in chunks: a chunk's articles are segmented in parallel, all their sentences go
 * to the model in one call (so a transformer batches across articles, not within one short article), and the
 * results are written in input order. Memory is bounded by the chunk size and the output order never depends
 * on thread timing. If the chunk call fails, each article is retried alone, so a failure becomes that one
 * article's error record and the run goes on.
 */
public final class BatchScorer {
    /** Articles held in memory at once. */
    static final int CHUNK = 64;

    private final StanceModel model;
    private final ArticleScorer scorer;

    public BatchScorer(StanceModel model) {
        this.model = model;
        this.scorer = new ArticleScorer(model);
    }

    /** Counts of one run. */
    public record Summary(int articles, int failed, long sentences, double seconds) {
    }

    private record Outcome(Article article, List<ScoredSentence> sentences, String error) {
    }

    public Summary run(Iterable<Article> articles, ResultWriter out) throws IOException {
        long t0 = System.nanoTime();
        int total = 0;
        int failed = 0;
        long sentences = 0;
        List<Article> chunk = new ArrayList<>(CHUNK);
        var it = articles.iterator();
        while (it.hasNext()) {
            chunk.add(it.next());
            if (chunk.size() == CHUNK || !it.hasNext()) {
                for (Outcome o : scoreChunk(chunk)) {
                    total++;
                    if (o.error() != null) {
                        failed++;
                        out.writeError(o.article().id(), o.error());
                    } else {
                        for (ScoredSentence s : o.sentences()) {
                            out.write(s);
                        }
                        sentences += o.sentences().size();
                    }
                }
                chunk.clear();
            }
        }
        out.commit();
        return new Summary(total, failed, sentences, (System.nanoTime() - t0) / 1e9);
    }

    private List<Outcome> scoreChunk(List<Article> chunk) {
        List<ArticleScorer.Segmented> segs = chunk.parallelStream()
                .map(a -> a.failed() ? null : ArticleScorer.segment(a)).toList();
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
                out.add(new Outcome(chunk.get(i), null, chunk.get(i).error()));
                continue;
            }
            int n = s.inputs().size();
            out.add(new Outcome(chunk.get(i), scorer.assemble(s, preds.subList(offset, offset + n)), null));
            offset += n;
        }
        return out;
    }

    private Outcome scoreOne(Article a) {
        if (a.failed()) {
            return new Outcome(a, null, a.error());
        }
        try {
            return new Outcome(a, scorer.score(a), null);
        } catch (RuntimeException e) {
            return new Outcome(a, null, "scoring failed: " + e);
        } catch (StackOverflowError e) {
            return new Outcome(a, null, "scoring failed: input too deeply nested");
        }
    }

}

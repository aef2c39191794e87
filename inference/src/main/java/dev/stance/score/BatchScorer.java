package dev.stance.score;

import dev.stance.model.StanceModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a stream of articles in chunks: each chunk's articles are scored in parallel, then written in input
 * order, so memory is bounded by the chunk size and the output order never depends on thread timing.
 * A failure in one article becomes that article's error record; the run goes on.
 */
public final class BatchScorer {
    /** Articles held in memory at once. */
    static final int CHUNK = 64;

    private final ArticleScorer scorer;

    public BatchScorer(StanceModel model) {
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
        return chunk.parallelStream().map(this::scoreOne).toList();
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

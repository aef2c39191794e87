package dev.stance.spark;

import dev.stance.model.StanceModel;
import dev.stance.score.Article;
import dev.stance.score.ArticleResult;
import dev.stance.score.ArticleScorer;
import dev.stance.score.AtomicOutput;
import dev.stance.score.BatchScorer;
import dev.stance.score.JsonlResultWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Scores one partition of articles ({@link ArchiveInputs#ARTICLES} rows) with the executor's model and returns
 * {@code score}'s JSON lines, one row per line with the article's date. Nothing here scores: slices of
 * {@link #SLICE} articles go through a {@link BatchScorer} into a {@link JsonlResultWriter}, so segmentation,
 * statements, speakers, batching, error records and line format are those of {@code stance score}. Memory per
 * task is one slice's lines, whatever the partition's size.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    /** Articles scored per call; BatchScorer sends up to 64 articles' sentences to the model at once. */
    static final int SLICE = 64;

    private final ShippedModel model;
    private final Broadcast<Set<String>> done;
    private final Counts counts;

    /** Articles scored, failed and skipped, summed over tasks (a retried task counts again). */
    record Counts(LongAccumulator scored, LongAccumulator failed, LongAccumulator skipped)
            implements java.io.Serializable {
    }

    /** {@code done}: "sha256 id" of the articles an earlier run already scored (resume), empty otherwise. */
    PartitionScorer(ShippedModel model, Broadcast<Set<String>> done, Counts counts) {
        this.model = model;
        this.done = done;
        this.counts = counts;
    }

    /** The key {@link #done} holds for an article. */
    static String doneKey(String id, String sha256) {
        return sha256 + ' ' + id;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> articles) {
        StanceModel m = model.load();
        Set<String> skip = done.value();
        // Spark already runs a task per executor core. BatchScorer and the n-gram model split their work over
        // the fork-join pool of the thread that calls them, which for a task thread is the JVM's common pool,
        // shared by all tasks: 2 task threads and the pool's worker competed for 2 cores. Scoring in a pool
        // of one thread per task keeps each task on one core.
        ForkJoinPool pool = new ForkJoinPool(1);
        TaskContext.get().addTaskCompletionListener((TaskCompletionListener) ctx -> pool.shutdown());
        return new Iterator<>() {
            private final ArrayDeque<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && articles.hasNext()) {
                    scoreSlice(m, skip, articles, ready, pool);
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    private void scoreSlice(StanceModel m, Set<String> skip, Iterator<Row> rows, ArrayDeque<Row> ready,
                            ForkJoinPool pool) {
        List<Article> slice = new ArrayList<>(SLICE);
        Map<Article, String> dates = new IdentityHashMap<>();
        while (slice.size() < SLICE && rows.hasNext()) {
            Row r = rows.next();
            Article a = ArchiveInputs.article(r);
            slice.add(a);
            dates.put(a, r.getString(3)); // ARTICLES: id, text, error, date
        }
        List<ArticleResult> results = new ArrayList<>(slice.size());
        BatchScorer scorer = new BatchScorer(m, false, model.shortSha256())
                .skip(a -> !skip.isEmpty() && skip.contains(doneKey(a.id(), ArticleScorer.sha256(a.text()))))
                .listen(results::add);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // the rows were read above on the task's thread (Spark's iterators may need its TaskContext)
        BatchScorer.Summary s = pool.invoke(ForkJoinTask.adapt(() -> {
            try (JsonlResultWriter writer = new JsonlResultWriter(AtomicOutput.toStream(bytes))) {
                return scorer.run(slice, writer);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // an in-memory writer does not fail
            }
        }));
        counts.scored().add(s.articles());
        counts.failed().add(s.failed());
        counts.skipped().add(s.skipped());
        // results come in output order, and each article wrote its sentences' lines or one error line
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        int next = 0;
        for (ArticleResult r : results) {
            int n = r.failed() ? 1 : r.sentences().size();
            String date = dates.get(r.article());
            for (int i = 0; i < n; i++) {
                ready.add(RowFactory.create(lines[next++], date));
            }
        }
        if (next != lines.length && !(next == 0 && lines.length == 1 && lines[0].isEmpty())) {
            throw new IllegalStateException("scorer wrote " + lines.length + " lines for " + next + " results");
        }
    }
}

package dev.stance.spark;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One {@code spark-score} run on a given session: lists the inputs, scores every article with the same
 * pipeline as {@code stance score}, commits the rows (resuming an earlier output when asked) and optionally the
 * speaker × label counts.
 */
final class SparkScoreJob {
    /** {@link PartitionScorer}'s rows: one JSON line and the article's date. */
    private static final StructType LINES = new StructType()
            .add(ScoreSchema.LINE, DataTypes.StringType, false)
            .add(ScoreSchema.DATE, DataTypes.StringType, true);

    /**
     * What to run.
     *
     * @param model a model id, a model folder, or null / "default" for the default model
     * @param out the output folder (any Hadoop path)
     * @param inputs files and folders (any Hadoop paths); at least one
     * @param summary folder for {@link SpeakerCounts}, or null
     */
    record Options(String model, ScoredOutput.Format format, boolean resume, String out, List<String> inputs,
                   String summary) {
    }

    /**
     * What a run did: articles scored (failed ones included), failed, skipped as already in the output, and the
     * seconds from listing the inputs to the committed output (in local mode without loading the model).
     */
    record Report(String model, long scored, long failed, long skipped, double seconds) {
    }

    private SparkScoreJob() {
    }

    static Report run(SparkSession spark, Options o) throws IOException {
        ShippedModel model = ShippedModel.resolve(o.model());
        if (spark.sparkContext().isLocal()) {
            model.load(); // local executors run in this JVM: load it once here, before the clock, as score does
        }
        long t0 = System.nanoTime();
        ScoredOutput output = new ScoredOutput(spark, o.out(), o.format());
        Dataset<Row> old = null;
        if (o.resume()) {
            output.recover();
            old = output.existing();
        } else if (output.existing() != null) {
            throw new IllegalArgumentException(output.path() + " already holds a scored output; pass --resume to"
                    + " add to it, or delete it");
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Set<String>> done = jsc.broadcast(old == null ? Set.of() : doneKeys(old));
        PartitionScorer.Counts counts = new PartitionScorer.Counts(jsc.sc().longAccumulator("scored"),
                jsc.sc().longAccumulator("failed"), jsc.sc().longAccumulator("skipped"));

        ArchiveInputs inputs = ArchiveInputs.list(spark, o.inputs());
        Dataset<Row> lines = inputs.articles()
                .mapPartitions(new PartitionScorer(model, done, counts), Encoders.row(LINES));
        Dataset<Row> rows = ScoreSchema.parse(lines);
        boolean byDate = inputs.hasDates()
                || (old != null && !old.filter(functions.col(ScoreSchema.DATE).isNotNull()).limit(1).isEmpty());
        if (old == null) {
            output.writeFresh(rows, byDate);
        } else {
            output.writeResumed(rows, old, byDate);
        }
        if (o.summary() != null) {
            Dataset<Row> counted = SpeakerCounts.of(output.existing(), inputs.metadata());
            var w = counted.coalesce(1).write().mode(org.apache.spark.sql.SaveMode.Overwrite);
            if (o.format() == ScoredOutput.Format.parquet) {
                w.parquet(o.summary());
            } else {
                w.json(o.summary());
            }
        }
        return new Report(model.id(), counts.scored().value(), counts.failed().value(), counts.skipped().value(),
                (System.nanoTime() - t0) / 1e9);
    }

    /** "sha256 id" of every article the rows hold sentences of (error rows do not count: tried again). */
    private static Set<String> doneKeys(Dataset<Row> old) {
        List<Row> keys = old.filter(functions.col(ScoreSchema.ERROR).isNull()
                        .and(functions.col(ScoreSchema.SHA256).isNotNull()))
                .select(ScoreSchema.ARTICLE, ScoreSchema.SHA256).distinct().collectAsList();
        Set<String> done = new HashSet<>(keys.size() * 2);
        for (Row k : keys) {
            done.add(PartitionScorer.doneKey(k.getString(0), k.getString(1)));
        }
        return done;
    }
}

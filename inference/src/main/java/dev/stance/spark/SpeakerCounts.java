package dev.stance.spark;

import dev.stance.data.Task;
import dev.stance.statements.StatementKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The analyst's first question on an archive, as one Spark aggregation over the scored rows: how many
 * statements (direct or reported speech) each speaker made per day and outlet, with each label of each task.
 * Columns: {@code date}, {@code outlet} (host of the article's {@code url}, without {@code www.}), {@code speaker},
 * {@code task}, {@code label}, {@code statements}; {@code date} and {@code outlet} are null for articles without
 * them, {@code speaker} for statements nobody was found for.
 */
final class SpeakerCounts {
    private SpeakerCounts() {
    }

    /**
     * @param rows {@link ScoreSchema#output()} rows (error rows are ignored)
     * @param metadata {@link ArchiveInputs#METADATA} rows; an article's date there wins over the row's
     */
    static Dataset<Row> of(Dataset<Row> rows, Dataset<Row> metadata) {
        Dataset<Row> statements = rows.filter(functions.col(ScoreSchema.KIND)
                .isin(StatementKind.DIRECT.key(), StatementKind.REPORTED.key()));
        Dataset<Row> meta = metadata.dropDuplicates("id").withColumnRenamed(ScoreSchema.DATE, "meta_date");
        Dataset<Row> joined = statements.join(meta, statements.col(ScoreSchema.ARTICLE).equalTo(meta.col("id")),
                "left");
        Column date = functions.coalesce(functions.col("meta_date"), functions.col(ScoreSchema.DATE));
        List<Dataset<Row>> perTask = new ArrayList<>();
        for (Task t : Task.values()) {
            perTask.add(joined.select(date.as(ScoreSchema.DATE), functions.col("outlet"),
                    functions.col(ScoreSchema.SPEAKER), functions.lit(t.key()).as("task"),
                    functions.col(t.key() + ".label").as("label")));
        }
        Dataset<Row> labels = perTask.stream().reduce(Dataset::unionByName).orElseThrow();
        return labels.groupBy(ScoreSchema.DATE, "outlet", ScoreSchema.SPEAKER, "task", "label")
                .agg(functions.count(functions.lit(1)).as("statements"));
    }
}

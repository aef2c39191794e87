package dev.stance.spark;

import dev.stance.data.Task;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output columns: exactly the fields of {@code stance score}'s JSON lines (a sentence line, or an error
 * line with {@code article} and {@code error}), plus {@code date} when the input gave one.
 *
 * <p>Rows are made by parsing the lines {@link dev.stance.score.JsonlResultWriter} wrote, so a field that
 * writer adds or renames shows up here as a difference in the equality test rather than a silent drift.
 */
final class ScoreSchema {
    static final String ARTICLE = "article";
    static final String SHA256 = "article_sha256";
    static final String LANG = "lang";
    static final String KIND = "kind";
    static final String SPEAKER = "speaker";
    static final String ERROR = "error";
    static final String DATE = "date";
    /** The one column of {@link PartitionScorer}'s rows besides {@link #DATE}: a JSON line. */
    static final String LINE = "line";

    private ScoreSchema() {
    }

    /** A JSON line of {@code score}: the sentence fields in the writer's order, then {@code error}. */
    static StructType line() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(ARTICLE, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(SHA256, DataTypes.StringType, true));
        f.add(DataTypes.createStructField("index", DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField("start", DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField("end", DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField("text", DataTypes.StringType, true));
        f.add(DataTypes.createStructField(LANG, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(KIND, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(SPEAKER, DataTypes.StringType, true));
        StructType prediction = new StructType()
                .add("label", DataTypes.StringType, true)
                .add("p", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), true);
        for (Task t : Task.values()) {
            f.add(DataTypes.createStructField(t.key(), prediction, true));
        }
        f.add(DataTypes.createStructField("model", DataTypes.StringType, true));
        f.add(DataTypes.createStructField("model_sha256", DataTypes.StringType, true));
        f.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
        return DataTypes.createStructType(f);
    }

    /** The output rows: {@link #line()}'s columns and {@link #DATE} (a yyyy-MM-dd string, or null). */
    static StructType output() {
        return line().add(DATE, DataTypes.StringType, true);
    }

    /** Parses {@link PartitionScorer}'s rows ({@link #LINE}, {@link #DATE}) into {@link #output()}'s columns. */
    static Dataset<Row> parse(Dataset<Row> lines) {
        // parsed once into a struct column, then split (Spark does not inline the parse into each field)
        Dataset<Row> parsed = lines.select(functions.from_json(functions.col(LINE), line()).as("r"),
                functions.col(DATE));
        List<Column> cols = new ArrayList<>();
        for (StructField f : line().fields()) {
            cols.add(functions.col("r." + f.name()).as(f.name()));
        }
        cols.add(functions.col(DATE));
        return parsed.select(cols.toArray(Column[]::new));
    }
}

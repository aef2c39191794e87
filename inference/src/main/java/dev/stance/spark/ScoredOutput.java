package dev.stance.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The output folder of a job: Parquet or JSON Lines files of {@link ScoreSchema#output()} rows, partitioned by
 * {@code lang} (and {@code date} when articles have dates), written through Spark's file committers, so a
 * folder without {@code _SUCCESS} was never committed and readers see no partial files.
 *
 * <p>A resumed run keeps the earlier rows of the articles it skips and replaces the rest: the new rows and
 * the kept ones are committed into a hidden staging folder beside the output ({@code .<name>.staging-<uuid>}),
 * which gets the marker {@value #COMPLETE} once both are in, and only then replaces the output by two renames
 * (output to {@code .<name>.replaced-<uuid>}, staging to output). A run killed at any point leaves either the
 * old output or a complete staging folder; the next run finishes or undoes the swap
 * ({@link #recover()}) before it reads anything. The swap needs a file system that renames folders (local,
 * HDFS); on S3 write the output to HDFS or use an S3 committer.
 */
final class ScoredOutput {
    /** Written into a staging folder once it holds every row, before the swap. */
    static final String COMPLETE = "_STANCE_COMPLETE";

    enum Format {
        parquet, jsonl
    }

    private final SparkSession spark;
    private final Path out;
    private final Format format;
    private final FileSystem fs;

    ScoredOutput(SparkSession spark, String out, Format format) throws IOException {
        this.spark = spark;
        this.format = format;
        Path p = new Path(out);
        this.fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        this.out = fs.makeQualified(p);
    }

    Path path() {
        return out;
    }

    /**
     * Finishes or undoes a swap that a killed run left half done, and deletes staging folders of killed
     * resumed runs. Call before {@link #existing()}.
     */
    void recover() throws IOException {
        List<Path> complete = new ArrayList<>();
        List<Path> replaced = new ArrayList<>();
        for (FileStatus s : siblings()) {
            String n = s.getPath().getName();
            if (n.startsWith(prefix("staging")) && fs.exists(new Path(s.getPath(), COMPLETE))) {
                complete.add(s.getPath());
            } else if (n.startsWith(prefix("replaced"))) {
                replaced.add(s.getPath());
            }
        }
        if (!fs.exists(out)) {
            if (!complete.isEmpty()) {
                rename(complete.remove(0), out);
            } else if (!replaced.isEmpty()) {
                rename(replaced.remove(0), out);
            }
        }
        for (FileStatus s : siblings()) {
            String n = s.getPath().getName();
            if (n.startsWith(prefix("staging")) || n.startsWith(prefix("replaced"))) {
                fs.delete(s.getPath(), true);
            }
        }
    }

    /**
     * The committed rows of an earlier run, or null when there are none: no folder, or one that a killed job
     * left with nothing committed (only hidden entries such as {@code _temporary}).
     *
     * @throws IllegalArgumentException when the folder holds files but was never committed by a job
     */
    Dataset<Row> existing() throws IOException {
        if (!fs.exists(out)) {
            return null;
        }
        if (!fs.exists(new Path(out, "_SUCCESS"))) {
            for (FileStatus s : fs.listStatus(out)) {
                String n = s.getPath().getName();
                if (!n.startsWith("_") && !n.startsWith(".")) {
                    throw new IllegalArgumentException(out + " holds files but no _SUCCESS marker: not a committed"
                            + " spark-score output; delete it or choose another --out");
                }
            }
            return null;
        }
        return read(out);
    }

    private Dataset<Row> read(Path dir) throws IOException {
        // through the partition folders: Spark warns when a path it is given is hidden (the staging folder)
        Path parts = new Path(dir, ScoreSchema.LANG + "=*");
        FileStatus[] found = fs.globStatus(parts);
        if (found == null || found.length == 0) {
            return spark.createDataFrame(List.of(), ScoreSchema.output()); // a run over no articles
        }
        var reader = spark.read().schema(ScoreSchema.output()).option("basePath", dir.toString());
        String[] dirs = java.util.Arrays.stream(found).map(f -> f.getPath().toString()).toArray(String[]::new);
        return format == Format.parquet ? reader.parquet(dirs) : reader.json(dirs);
    }

    /** Writes {@code rows} as the output, replacing a folder that holds nothing committed. */
    void writeFresh(Dataset<Row> rows, boolean byDate) {
        write(rows, out, byDate, SaveMode.Overwrite);
    }

    /**
     * Commits {@code fresh} and the rows of {@code old} whose articles {@code fresh} does not hold (error rows
     * of {@code old} are dropped: those articles were tried again), then swaps them in for the output.
     */
    void writeResumed(Dataset<Row> fresh, Dataset<Row> old, boolean byDate) throws IOException {
        Path staging = new Path(out.getParent(), prefix("staging") + UUID.randomUUID());
        write(fresh, staging, byDate, SaveMode.ErrorIfExists);
        Dataset<Row> rescored = read(staging).select(ScoreSchema.ARTICLE).distinct();
        Dataset<Row> kept = old.filter(functions.col(ScoreSchema.ERROR).isNull())
                .join(rescored, old.col(ScoreSchema.ARTICLE).equalTo(rescored.col(ScoreSchema.ARTICLE)), "left_anti");
        write(kept, staging, byDate, SaveMode.Append);
        fs.create(new Path(staging, COMPLETE), false).close();
        Path replaced = new Path(out.getParent(), prefix("replaced") + UUID.randomUUID());
        rename(out, replaced);
        rename(staging, out);
        fs.delete(replaced, true);
    }

    private void write(Dataset<Row> rows, Path to, boolean byDate, SaveMode mode) {
        // without dates the columns are exactly score's: the all-null date column is not written
        var w = (byDate ? rows : rows.drop(ScoreSchema.DATE)).write().mode(mode);
        w = byDate ? w.partitionBy(ScoreSchema.LANG, ScoreSchema.DATE) : w.partitionBy(ScoreSchema.LANG);
        if (format == Format.parquet) {
            w.parquet(to.toString());
        } else {
            w.json(to.toString());
        }
    }

    private String prefix(String what) {
        return "." + out.getName() + "." + what + "-";
    }

    private FileStatus[] siblings() throws IOException {
        Path parent = out.getParent();
        return fs.exists(parent) ? fs.listStatus(parent) : new FileStatus[0];
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }
}

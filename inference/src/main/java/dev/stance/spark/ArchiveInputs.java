package dev.stance.spark;

import dev.stance.score.Article;
import dev.stance.score.ArticleSource;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The articles of a job's inputs, from any Hadoop-compatible path (local, {@code hdfs://}, {@code s3a://}).
 *
 * <p>Files are listed on the driver, recursively and sorted, like {@code stance score} walks folders, and read
 * on the executors through {@link ArticleSource#readFile(String, long, ArticleSource.Opener, boolean)}: {@code .txt},
 * {@code .md}, {@code .html}/{@code .htm} and {@code .jsonl} files give the same articles and the same error
 * records as {@code score} (an input that is missing or cannot be listed is one error record). A local input
 * keeps the spelling it was given in article ids ({@code in/a.txt}), as {@code score} does; other inputs are
 * named by their URI. {@code .parquet} files are tables with columns {@code id} and {@code text} and optionally
 * {@code date} (a date, timestamp or ISO string) and {@code url}; a row without id or text is an error record.
 */
final class ArchiveInputs {
    /** One article: {@code text} or {@code error} set; {@code date} yyyy-MM-dd or null. */
    static final StructType ARTICLES = new StructType()
            .add("id", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, true)
            .add(ScoreSchema.ERROR, DataTypes.StringType, true)
            .add(ScoreSchema.DATE, DataTypes.StringType, true);
    /** Article metadata that is not scored: the day and the outlet (host of {@code url}), from Parquet inputs. */
    static final StructType METADATA = new StructType()
            .add("id", DataTypes.StringType, true)
            .add(ScoreSchema.DATE, DataTypes.StringType, true)
            .add("outlet", DataTypes.StringType, true);
    private static final StructType FILES = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("path", DataTypes.StringType, false)
            .add("length", DataTypes.LongType, false);
    /**
     * Spark setting for the files one task reads and scores (default {@value #FILES_PER_TASK}): enough to make a
     * task's start-up cost small, few enough to spread the work and let a killed job lose little.
     */
    static final String FILES_PER_TASK_CONF = "spark.stance.filesPerTask";
    private static final int FILES_PER_TASK = 500;

    private final SparkSession spark;
    private final List<Row> files = new ArrayList<>();
    private final List<Row> failures = new ArrayList<>();
    private final List<String> parquet = new ArrayList<>();
    private final List<String> parquetBases = new ArrayList<>();

    private ArchiveInputs(SparkSession spark) {
        this.spark = spark;
    }

    /** Lists {@code inputs} on the driver. */
    static ArchiveInputs list(SparkSession spark, List<String> inputs) throws IOException {
        ArchiveInputs in = new ArchiveInputs(spark);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (String arg : inputs) {
            in.add(arg, conf);
        }
        return in;
    }

    private void add(String arg, Configuration conf) throws IOException {
        Path root = new Path(arg);
        FileSystem fs = root.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(root);
        } catch (java.io.FileNotFoundException e) {
            failures.add(RowFactory.create(arg, null, "no such file or folder", null));
            return;
        }
        if (!status.isDirectory()) {
            addFile(arg, null, status);
            return;
        }
        List<FileStatus> found = new ArrayList<>();
        try {
            listFiles(fs, root, found);
        } catch (IOException e) {
            failures.add(RowFactory.create(arg, null, "cannot list folder: " + e.getMessage(), null));
            return;
        }
        found.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
        String base = fs.makeQualified(root).toUri().getPath();
        boolean any = false;
        for (FileStatus f : found) {
            String name = f.getPath().getName();
            if (ArticleSource.supported(name) || isParquet(name)) {
                String rel = f.getPath().toUri().getPath().substring(base.length()).replaceFirst("^/", "");
                addFile(arg, rel, f);
                any = true;
            }
        }
        if (!any) {
            Article a = ArticleSource.emptyFolder(arg);
            failures.add(RowFactory.create(a.id(), null, a.error(), null));
        }
    }

    /**
     * The files below {@code dir}, recursively. Not {@link FileSystem#listFiles}: its {@code LocatedFileStatus}
     * reads every file's permissions, and the local file system without Hadoop's native library (the usual
     * case) forks {@code ls -ld} per file for them, which took over a minute for 10,000 files.
     */
    private static void listFiles(FileSystem fs, Path dir, List<FileStatus> out) throws IOException {
        for (FileStatus s : fs.listStatus(dir)) {
            if (s.isDirectory()) {
                listFiles(fs, s.getPath(), out);
            } else {
                out.add(s);
            }
        }
    }

    /** {@code rel}: the file's path below the folder {@code arg}, or null when {@code arg} is the file. */
    private void addFile(String arg, String rel, FileStatus f) {
        String path = f.getPath().toString();
        if (isParquet(f.getPath().getName())) {
            parquet.add(path);
            parquetBases.add(rel == null ? f.getPath().getParent().toString() : arg);
            return;
        }
        files.add(RowFactory.create(idOf(arg, rel), path, f.getLen()));
    }

    /** The article id of a file: as {@code score} names it for local inputs, the full URI otherwise. */
    static String idOf(String arg, String rel) {
        URI uri = new Path(arg).toUri();
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return rel == null ? arg : arg.replaceFirst("/+$", "") + "/" + rel;
        }
        java.nio.file.Path p = java.nio.file.Path.of(uri.getScheme() == null ? arg : uri.getPath());
        return rel == null ? p.toString() : p.resolve(rel).toString();
    }

    private static boolean isParquet(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** Whether some input is a Parquet table (the only inputs that can carry dates and URLs). */
    boolean hasParquet() {
        return !parquet.isEmpty();
    }

    /** Whether the Parquet inputs have a {@code date} column. */
    boolean hasDates() {
        return hasParquet() && Arrays.asList(parquetTable().columns()).contains(ScoreSchema.DATE);
    }

    /** The articles as {@link #ARTICLES} rows; files are read when the rows are computed, on the executors. */
    Dataset<Row> articles() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Dataset<Row> out = spark.createDataFrame(failures, ARTICLES);
        if (!files.isEmpty()) {
            int perTask = Integer.parseInt(spark.conf().get(FILES_PER_TASK_CONF, String.valueOf(FILES_PER_TASK)));
            int slices = Math.max(jsc.defaultParallelism(), (files.size() + perTask - 1) / perTask);
            Broadcast<SerializableConfiguration> conf =
                    jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
            JavaRDD<Row> read = jsc.parallelize(files, Math.min(slices, files.size()))
                    .mapPartitions(new FileReader(conf));
            out = out.union(spark.createDataFrame(read, ARTICLES));
        }
        if (hasParquet()) {
            Dataset<Row> t = parquetTable();
            List<String> cols = Arrays.asList(t.columns());
            if (!cols.contains("id") || !cols.contains("text")) {
                throw new IllegalArgumentException("Parquet input " + parquet.get(0) + " lacks column id or text"
                        + " (has " + String.join(", ", cols) + ")");
            }
            Column date = cols.contains(ScoreSchema.DATE) ? day(t.col(ScoreSchema.DATE)) : functions.lit(null);
            Column where = functions.input_file_name();
            Dataset<Row> rows = t.select(t.col("id").cast("string").as("id"), t.col("text").cast("string").as("text"),
                    date.cast("string").as(ScoreSchema.DATE), where.as("where"));
            out = out.union(rows.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) ArchiveInputs::record,
                    Encoders.row(ARTICLES)));
        }
        return out;
    }

    /** {@link #METADATA} of the Parquet inputs (empty when there are none). */
    Dataset<Row> metadata() {
        if (!hasParquet()) {
            return spark.createDataFrame(List.of(), METADATA);
        }
        Dataset<Row> t = parquetTable();
        List<String> cols = Arrays.asList(t.columns());
        Column date = cols.contains(ScoreSchema.DATE) ? day(t.col(ScoreSchema.DATE)) : functions.lit(null);
        Column outlet = cols.contains("url")
                ? functions.lower(functions.regexp_replace(functions.parse_url(t.col("url"), functions.lit("HOST")),
                        "^www\\.", ""))
                : functions.lit(null);
        return t.select(t.col("id").cast("string").as("id"), date.cast("string").as(ScoreSchema.DATE),
                outlet.cast("string").as("outlet"));
    }

    private Dataset<Row> parquetTable() {
        Dataset<Row> all = null;
        for (String base : parquetBases.stream().distinct().toList()) {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < parquet.size(); i++) {
                if (parquetBases.get(i).equals(base)) {
                    mine.add(parquet.get(i));
                }
            }
            // basePath keeps partition columns (date=2024-01-02/ folders) of a partitioned table
            Dataset<Row> t = spark.read().option("basePath", base).parquet(mine.toArray(String[]::new));
            all = all == null ? t : all.unionByName(t, true);
        }
        return all;
    }

    private static Column day(Column c) {
        return functions.date_format(functions.to_date(c), "yyyy-MM-dd");
    }

    /** A Parquet row (id, text, date, where) as an {@link #ARTICLES} row, or its error record. */
    private static Row record(Row r) {
        String id = r.getString(0);
        String text = r.getString(1);
        String date = r.getString(2);
        if (id == null) {
            return RowFactory.create(r.getString(3), null, "Parquet row without id", date);
        }
        if (text == null || text.isBlank()) {
            return RowFactory.create(id, null, "empty text", date);
        }
        if (text.length() > ArticleSource.MAX_ARTICLE_BYTES) {
            return RowFactory.create(id, null, "too large (over " + ArticleSource.MAX_ARTICLE_BYTES / (1024 * 1024)
                    + " MiB); split it into articles", date);
        }
        return RowFactory.create(id, text, null, date);
    }

    /** An {@link #ARTICLES} row as the scorer's {@link Article}. */
    static Article article(Row r) {
        String error = r.getString(2);
        return error != null ? Article.failed(r.getString(0), error) : Article.ok(r.getString(0), r.getString(1));
    }

    /** Reads the listed files of one partition through Hadoop's file system, one article (or more) at a time. */
    private record FileReader(Broadcast<SerializableConfiguration> conf)
            implements FlatMapFunction<Iterator<Row>, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> files) {
            Configuration c = conf.value().value();
            return new Iterator<>() {
                private Iterator<Article> current = List.<Article>of().iterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && files.hasNext()) {
                        Row f = files.next();
                        Path p = new Path(f.getString(1));
                        current = ArticleSource.readFile(f.getString(0), f.getLong(2),
                                () -> p.getFileSystem(c).open(p), false);
                    }
                    return current.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    Article a = current.next();
                    return RowFactory.create(a.id(), a.text(), a.error(), null);
                }
            };
        }
    }
}

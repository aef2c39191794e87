package dev.stance.spark;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stance spark-score}, and the main class of the job jar for {@code spark-submit}. Only the nested
 * {@link SparkRun} names Spark types, and it is loaded only when a job runs, so the {@code stance} CLI loads
 * this command without Spark on the classpath and {@link #call()} says clearly when Spark is missing.
 */
@Command(name = "spark-score", mixinStandardHelpOptions = true,
        description = {"Score an archive on Apache Spark with the same pipeline as 'score': one JSON-line row per"
                + " sentence, error rows for inputs that fail, Parquet or JSON Lines partitioned by lang (and date).",
                "Inputs (any Hadoop path: local, hdfs://, s3a://): .txt, .md, .html/.htm, .jsonl files, folders of"
                        + " them, and .parquet tables with columns id, text (optional date, url).",
                "Exit codes: 0 all articles scored, 1 usage error, 2 some articles failed (see their error rows),"
                        + " 3 internal error."})
public final class SparkScoreCommand implements Callable<Integer> {
    private static final String SESSION_CLASS = "org.apache.spark.sql.SparkSession";

    @Option(names = "--master",
            description = "Spark master, e.g. local[2] or yarn (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--model", description = "Model id in models/, a model folder, or 'default' (the default).")
    String model;

    @Option(names = "--format", defaultValue = "parquet", description = "Output format: parquet (default) or jsonl.")
    String format;

    @Option(names = "--resume",
            description = "Keep the articles already in --out (same id and text) and score only the rest.")
    boolean resume;

    @Option(names = "--out", required = true, description = "Output folder (committed by Spark; must not hold"
            + " another output unless --resume).")
    String out;

    @Option(names = "--summary", paramLabel = "DIR",
            description = "Also write speaker x label statement counts per day and outlet to this folder.")
    String summary;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files and folders.")
    List<String> inputs;

    /** Entry point for {@code spark-submit --class dev.stance.spark.SparkScoreCommand}. */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new SparkScoreCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean usage = ex instanceof IllegalArgumentException || ex instanceof dev.stance.model.ModelLoadException;
            cmd.getErr().println((usage ? "error: " : "internal error: ") + ex.getMessage());
            if (!usage) {
                ex.printStackTrace(cmd.getErr());
            }
            return usage ? 1 : 3;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ScoredOutput.Format f;
        try {
            f = ScoredOutput.Format.valueOf(format.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be parquet or jsonl, not '" + format + "'");
        }
        try {
            Class.forName(SESSION_CLASS, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("spark-score needs Apache Spark on the classpath: run it through"
                    + " ./stance spark-score, or spark-submit the job jar (see README, 'Scoring on Spark')");
        }
        return SparkRun.run(master, new SparkScoreJob.Options(model, f, resume, out, inputs, summary));
    }

    /** The session's lifetime and the report line; separate so this class stays free of Spark types. */
    static final class SparkRun {
        private SparkRun() {
        }

        static int run(String master, SparkScoreJob.Options options) throws Exception {
            var builder = org.apache.spark.sql.SparkSession.builder().appName("stance spark-score");
            String m = master != null ? master : System.getProperty("spark.master", "local[*]");
            builder.master(m);
            if (m.startsWith("local")) {
                builder.config("spark.ui.enabled", "false");
            }
            try (var spark = builder.getOrCreate()) {
                spark.sparkContext().setLogLevel("WARN");
                SparkScoreJob.Report r = SparkScoreJob.run(spark, options);
                System.err.printf(Locale.ROOT, "scored %d article(s) in %.2f s (%.1f articles/s) with %s on %s;"
                                + " %d failed%s; output in %s%n", r.scored(), r.seconds(), r.scored() / r.seconds(),
                        r.model(), m, r.failed(), options.resume() ? "; " + r.skipped() + " already there" : "",
                        options.out());
                return r.failed() == 0 ? 0 : 2;
            }
        }
    }

}

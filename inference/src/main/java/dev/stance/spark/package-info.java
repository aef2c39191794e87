/**
 * Scoring a news archive on Apache Spark: the same article pipeline as {@code stance score}
 * ({@link dev.stance.score.ArticleSource} for reading, {@link dev.stance.score.BatchScorer} for scoring and
 * {@link dev.stance.score.JsonlResultWriter} for the result lines), run per partition with one model per
 * executor JVM.
 *
 * <p>{@link dev.stance.spark.SparkScoreCommand} is the entry point ({@code ./stance spark-score} and
 * {@code spark-submit}); it names no Spark type, so the CLI loads without Spark on the classpath.
 * {@link dev.stance.spark.SparkScoreJob} runs a job: {@link dev.stance.spark.ArchiveInputs} lists inputs on the
 * driver and reads them on the executors, {@link dev.stance.spark.ShippedModel} finds and loads the model once
 * per executor JVM, {@link dev.stance.spark.PartitionScorer} turns a partition of articles into {@code score}'s
 * JSON lines, {@link dev.stance.spark.ScoreSchema} parses those into the output columns,
 * {@link dev.stance.spark.ScoredOutput} writes them through Spark's committers (and resumes), and
 * {@link dev.stance.spark.SpeakerCounts} aggregates speaker × label counts per day and outlet.
 */
package dev.stance.spark;

package dev.stance.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stance.cli.ScoreCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --resume} after killed jobs: a job process killed with SIGKILL once some of its tasks committed, then
 * a resumed job killed the same way while it writes; each time the next run loses and duplicates nothing.
 */
class SparkResumeTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("SparkResumeTest")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config(ArchiveInputs.FILES_PER_TASK_CONF, "40")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private SparkScoreJob.Report resume(Path out, String... inputs) throws IOException {
        return SparkScoreJob.run(spark, new SparkScoreJob.Options(ScoredRows.ngramModel().toString(),
                ScoredOutput.Format.parquet, true, out.toString(), List.of(inputs), null));
    }

    private List<String> rows(Path out) {
        return ScoredRows.of(spark.read().parquet(out.toString()));
    }

    /** {@code n} short articles in three languages, numbered so that no two are the same text. */
    private static void writeArticles(Path in, int from, int n, String extra) throws IOException {
        String[] templates = {
            "The talks in Oslo lasted %d hours. \"We will not give up a single village,\" the minister Eva Moss"
                    + " said.%s",
            "Delegasjonen kom til Bergen med %d rådgivere. – Vi er klare til å forhandle, sa utsending Kari Lie.%s",
            "Die Gespräche dauerten %d Stunden. „Wir sind zu Kompromissen bereit“, sagte der Gesandte Max Roth.%s",
        };
        Files.createDirectories(in);
        for (int i = from; i < from + n; i++) {
            Files.writeString(in.resolve(String.format("a%05d.txt", i)),
                    String.format(templates[i % 3], i + 2, extra));
        }
    }

    /** Starts {@code spark-score} in its own JVM, the way a cluster job or {@code ./stance spark-score} runs. */
    private Process startJob(Path out, boolean resume, Path in) throws IOException {
        Path jvmOptions = Path.of(System.getProperty("stance.repo.root", ".."),
                "inference/src/main/resources/dev/stance/spark/jvm.options");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + jvmOptions, "-Xmx768m", "-D" + ArchiveInputs.FILES_PER_TASK_CONF + "=40",
                "-cp", System.getProperty("java.class.path"),
                "dev.stance.spark.SparkScoreCommand", "--master", "local[1]",
                "--model", ScoredRows.ngramModel().toString(), "--out", out.toString()));
        if (resume) {
            cmd.add("--resume");
        }
        cmd.add(in.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("job.log").toFile())
                .start();
    }

    /** Kills {@code job} (SIGKILL) as soon as one of its tasks has committed output below {@code root}. */
    private void killAfterFirstTaskCommit(Process job, Path root) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!job.isAlive()) {
                fail("the job ended before it could be killed:\n" + Files.readString(dir.resolve("job.log")));
            }
            Optional<Path> committed;
            try (Stream<Path> walk = Files.walk(root)) {
                committed = walk.filter(p -> p.toString().contains("/_temporary/0/task_")).findAny();
            } catch (IOException | java.io.UncheckedIOException e) {
                committed = Optional.empty(); // the job renamed a folder while we walked: look again
            }
            if (committed.isPresent()) {
                job.destroyForcibly().waitFor();
                return;
            }
            Thread.sleep(20);
        }
        job.destroyForcibly().waitFor();
        fail("no task committed within 5 minutes:\n" + Files.readString(dir.resolve("job.log")));
    }

    @Test
    void resumeAfterKilledJobsLosesAndDuplicatesNothing() throws Exception {
        Path in = dir.resolve("in");
        Path out = dir.resolve("work").resolve("out");
        Files.createDirectories(out.getParent());
        writeArticles(in, 0, 200, ""); // 5 tasks of 40 files, one after another: the kill lands after the first

        killAfterFirstTaskCommit(startJob(out, false, in), out.getParent());
        assertFalse(Files.exists(out.resolve("_SUCCESS")), "the killed job committed nothing");

        SparkScoreJob.Report first = resume(out, in.toString());
        List<String> expected = ScoredRows.score(dir.resolve("score.jsonl"), in.toString());
        assertEquals(expected, rows(out));
        assertEquals(200, first.scored());
        assertEquals(0, first.skipped());

        writeArticles(in, 0, 120, " Talks go on."); // 120 articles change, 80 stay the same
        killAfterFirstTaskCommit(startJob(out, true, in), out.getParent());
        assertEquals(expected, rows(out), "a resumed job killed while writing leaves the output as it was");

        SparkScoreJob.Report second = resume(out, in.toString());
        assertEquals(ScoredRows.score(dir.resolve("score2.jsonl"), in.toString()), rows(out));
        assertEquals(80, second.skipped());
        assertEquals(120, second.scored());
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(out), left.toList(), "no staging or replaced folders left behind");
        }
    }

    @Test
    void resumeKeepsAndReplacesRowsExactlyAsScoreResumeDoes() throws Exception {
        Path in = dir.resolve("in");
        writeArticles(in, 0, 10, "");
        Files.write(in.resolve("broken.txt"), new byte[] {'x', 0});
        Path out = dir.resolve("out");
        Path scoreOut = dir.resolve("score.jsonl");
        ScoredRows.score(scoreOut, in.toString());
        SparkScoreJob.run(spark, new SparkScoreJob.Options(ScoredRows.ngramModel().toString(),
                ScoredOutput.Format.parquet, false, out.toString(), List.of(in.toString()), null));

        // one article changes, one is new, one is gone (its rows stay), and the broken one is repaired
        writeArticles(in, 1, 1, " Now with more text.");
        writeArticles(in, 10, 1, "");
        Files.delete(in.resolve("a00009.txt"));
        Files.writeString(in.resolve("broken.txt"), "The spokesman said the border stays closed.");

        int rc = new CommandLine(new ScoreCommand()).execute("--model", ScoredRows.ngramModel().toString(),
                "--out", scoreOut.toString(), "--resume", in.toString());
        assertEquals(0, rc);
        SparkScoreJob.Report r = resume(out, in.toString());

        List<String> expected = ScoredRows.normalize(Files.readAllLines(scoreOut, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.contains(dev.stance.score.ResumeState.MARKER_FIELD)).toList());
        assertEquals(expected, rows(out));
        assertEquals(8, r.skipped());
        assertEquals(3, r.scored());
        assertEquals(0, r.failed());
        assertTrue(expected.stream().anyMatch(l -> l.contains("a00009.txt")), "rows of a removed input are kept");
    }
}

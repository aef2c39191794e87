package dev.stance.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real local[2] Spark session scoring with ngram-v5, checked row for row against {@code stance score}. */
class SparkScoreJobTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("SparkScoreJobTest")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static SparkScoreJob.Report run(Path out, ScoredOutput.Format format, boolean resume, String summary,
                                    String... inputs) throws IOException {
        return SparkScoreJob.run(spark, new SparkScoreJob.Options(ScoredRows.ngramModel().toString(), format,
                resume, out.toString(), List.of(inputs), summary));
    }

    static Dataset<Row> read(Path out, ScoredOutput.Format format) {
        return format == ScoredOutput.Format.parquet ? spark.read().parquet(out.toString())
                : spark.read().json(out.toString());
    }

    /** Articles of every kind score reads, good and bad, in a folder; returns the folder. */
    static Path mixedInputs(Path root) throws IOException {
        Path in = Files.createDirectories(root.resolve("in"));
        Files.writeString(in.resolve("en-talks.txt"), """
                Negotiators met again in Geneva on Thursday after a week without contact.
                "We are ready to sit down tomorrow if the shelling stops," the envoy Maria Holt told reporters.
                The defence ministry said the offer was a trick meant to buy time.
                """);
        Files.writeString(Files.createDirectories(in.resolve("nested")).resolve("nb-grense.md"), """
                # Samtaler ved grensen

                Delegasjonene møttes i Tromsø mandag.

                – Vi har ingen tillit til de løftene de gir oss, sa forsvarsminister Per Dahl til avisen.
                """);
        Files.writeString(in.resolve("de-gespraeche.html"), """
                <html><head><title>Gespräche</title><script>var x = 1;</script></head><body>
                <p>Die Außenministerin Anna Vogt reiste am Montag nach Wien.</p>
                <p>„Wir wollen eine Lösung am Verhandlungstisch finden“, sagte Vogt am Abend.</p>
                </body></html>
                """);
        Files.writeString(in.resolve("batch.jsonl"), String.join("\n",
                "{\"id\":\"j-ok\",\"text\":\"The president said the sanctions would stay until the troops leave.\"}",
                "{\"id\":\"j-broken\",\"text\":",
                "{\"id\":\"j-notext\"}",
                "{\"id\":\"j-blank\",\"text\":\"   \"}",
                "{\"text\":\"A statement without an id, said the spokesman.\"}") + "\n");
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.write(in.resolve("binary.txt"), new byte[] {'a', 0, 'b', 'c'});
        Files.write(in.resolve("latin1.txt"), "Utenriksministeren sa at m\u00f8tet var nyttig.".getBytes(
                StandardCharsets.ISO_8859_1));
        Files.writeString(in.resolve("script-only.html"), "<html><body><script>alert(1)</script></body></html>");
        Files.write(in.resolve("huge.txt"), new byte[dev.stance.score.ArticleSource.MAX_ARTICLE_BYTES + 1]);
        Files.writeString(in.resolve("ignored.csv"), "not,an,article\n");
        return in;
    }

    @Test
    void parquetOutputEqualsScoreRowForRowIncludingErrorRows() throws IOException {
        Path in = mixedInputs(dir);
        String missing = dir.resolve("no-such-folder").toString();
        List<String> expected = ScoredRows.score(dir.resolve("score.jsonl"), in.toString(), missing);

        Path out = dir.resolve("out");
        SparkScoreJob.Report r = run(out, ScoredOutput.Format.parquet, false, null, in.toString(), missing);

        Dataset<Row> rows = read(out, ScoredOutput.Format.parquet);
        assertEquals(expected, ScoredRows.of(rows));
        assertTrue(expected.stream().filter(l -> l.contains("\"error\"")).count() >= 9, "error rows compared too");
        assertEquals(List.of("article", "article_sha256", "index", "start", "end", "text", "kind", "speaker",
                "stance", "openness", "model", "model_sha256", "error", "lang"), List.of(rows.columns()));
        assertTrue(Files.isRegularFile(out.resolve("_SUCCESS")));
        assertTrue(Files.isDirectory(out.resolve("lang=en")) && Files.isDirectory(out.resolve("lang=nb"))
                && Files.isDirectory(out.resolve("lang=de")), "partitioned by language");
        assertEquals(expected.stream().filter(l -> l.contains("\"error\"")).count(), r.failed());
    }

    @Test
    void jsonLinesOutputEqualsScoreAndARunDoesNotOverwriteAnOutputWithoutResume() throws IOException {
        Path in = mixedInputs(dir);
        List<String> expected = ScoredRows.score(dir.resolve("score.jsonl"), in.toString());
        Path out = dir.resolve("out");
        run(out, ScoredOutput.Format.jsonl, false, null, in.toString());
        assertEquals(expected, ScoredRows.of(read(out, ScoredOutput.Format.jsonl)));
        assertThrows(IllegalArgumentException.class,
                () -> run(out, ScoredOutput.Format.jsonl, false, null, in.toString()));
    }

    @Test
    void parquetInputWithDatesIsPartitionedByDateAndCountedPerSpeakerDayAndOutlet() throws IOException {
        String[][] articles = {
            {"p1", "The envoy Maria Holt said the talks in Geneva had been useful. \"We will come back next week,\""
                    + " Holt told reporters.", "2024-05-01", "https://www.example-news.org/world/1"},
            {"p2", "The defence minister Paul Gray said the offer was a trap and warned against trusting it.",
                    "2024-05-02", "https://daily.example.com/p2"},
            {"p3", "Talks resumed on Monday. The foreign minister said her country was ready for dialogue.",
                    "2024-05-02", null},
            {"p4", "  ", "2024-05-03", "https://daily.example.com/p4"},
        };
        StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType)
                .add("date", DataTypes.StringType).add("url", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        StringBuilder jsonl = new StringBuilder();
        for (String[] a : articles) {
            rows.add(RowFactory.create(a[0], a[1], a[2], a[3]));
            jsonl.append("{\"id\":\"").append(a[0]).append("\",\"text\":\"").append(a[1].replace("\"", "\\\""))
                    .append("\"}\n");
        }
        Path table = dir.resolve("archive.parquet");
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(table.toString());
        Path same = dir.resolve("same.jsonl");
        Files.writeString(same, jsonl);
        List<String> expected = ScoredRows.score(dir.resolve("score.jsonl"), same.toString());

        Path out = dir.resolve("out");
        Path summary = dir.resolve("summary");
        run(out, ScoredOutput.Format.parquet, false, summary.toString(), table.toString());

        Dataset<Row> scored = read(out, ScoredOutput.Format.parquet);
        assertEquals(expected, ScoredRows.of(scored));
        assertTrue(Files.isDirectory(out.resolve("lang=en").resolve("date=2024-05-02")), "partitioned by date");

        // the same counts computed here from score's lines: statements per (date, outlet, speaker, task, label)
        Map<String, String[]> meta = new HashMap<>();
        for (String[] a : articles) {
            meta.put(a[0], new String[] {a[2], a[3] == null ? null : java.net.URI.create(a[3]).getHost()
                    .replaceFirst("^www\\.", "")});
        }
        Map<String, Long> want = new TreeMap<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String l : expected) {
            var n = json.readTree(l);
            if (!n.has("kind") || n.get("kind").asText().equals("narration")) {
                continue;
            }
            String[] m = meta.get(n.get("article").asText());
            for (String task : List.of("stance", "openness")) {
                want.merge(String.join("|", m[0], String.valueOf(m[1]), n.path("speaker").asText("null"), task,
                        n.get(task).get("label").asText()), 1L, Long::sum);
            }
        }
        Map<String, Long> got = new TreeMap<>();
        for (Row r : spark.read().parquet(summary.toString()).collectAsList()) {
            got.put(String.join("|", r.getAs("date").toString(), String.valueOf((Object) r.getAs("outlet")),
                    String.valueOf((Object) r.getAs("speaker")), r.getAs("task"), r.getAs("label")),
                    r.getAs("statements"));
        }
        assertFalse(want.isEmpty());
        assertEquals(want, got);
    }
}

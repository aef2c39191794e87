package dev.stance.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stance.cli.ExitCodes;
import dev.stance.cli.ScoreCommand;
import dev.stance.score.ResumeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine;

/**
 * Result rows in a comparable form: each JSON object with its null fields and the {@code date} column removed
 * and its keys sorted (at every level), the list sorted. {@code stance score}'s lines and Spark's rows then
 * compare with {@code assertEquals}.
 */
final class ScoredRows {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ScoredRows() {
    }

    static Path ngramModel() {
        return Path.of(System.getProperty("stance.repo.root", ".."), "models", "ngram-v5");
    }

    /** Runs {@code stance score --model ngram-v5 --out <out> <inputs>} and returns its lines, marker dropped. */
    static List<String> score(Path out, String... inputs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--model", ngramModel().toString(), "--out", out.toString()));
        args.addAll(List.of(inputs));
        int rc = new CommandLine(new ScoreCommand()).execute(args.toArray(String[]::new));
        if (rc != ExitCodes.OK && rc != ExitCodes.PARTIAL) {
            throw new IllegalStateException("score exited " + rc);
        }
        return normalize(Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.contains(ResumeState.MARKER_FIELD)).toList());
    }

    /** Spark's rows (any {@link ScoreSchema#output()} dataset). */
    static List<String> of(Dataset<Row> rows) {
        return normalize(rows.toJSON().collectAsList());
    }

    static List<String> normalize(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            try {
                Map<String, Object> m = JSON.readValue(l, new TypeReference<LinkedHashMap<String, Object>>() { });
                m.values().removeIf(v -> v == null);
                m.remove(ScoreSchema.DATE);
                out.add(JSON.writeValueAsString(m));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort(null);
        return out;
    }
}

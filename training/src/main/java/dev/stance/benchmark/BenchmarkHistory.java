package dev.stance.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Task;
import dev.stance.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code models/benchmarks.json}: the latest headline figures of each model version per benchmark data set
 * (keyed by model id, then data file names), so {@code ./stance models} can show them next to the manifests.
 */
public final class BenchmarkHistory {
    public static final String FILE = "benchmarks.json";

    private BenchmarkHistory() {
    }

    public static void record(Path modelsRoot, ObjectNode report) throws IOException {
        Path file = modelsRoot.resolve(FILE);
        ObjectNode all = Files.isRegularFile(file) ? (ObjectNode) Json.MAPPER.readTree(file.toFile())
                : Json.MAPPER.createObjectNode();
        String dataKey = String.join("+", report.get("data").get("files").findValuesAsText("path").stream()
                .map(p -> Path.of(p).getFileName().toString()).toList());
        for (JsonNode m : report.get("models")) {
            ObjectNode row = all.with(m.get("id").asText()).putObject(dataKey);
            row.put("n", report.get("data").get("n").asInt());
            row.put("data_sha256", report.get("data").get("files").get(0).get("sha256").asText());
            for (Task t : Task.values()) {
                JsonNode f1 = m.get("quality").get(t.key()).get("macro_f1");
                if (f1.isNull()) { // the data has no label for the task
                    row.putNull(t.key() + "_macro_f1");
                } else {
                    row.put(t.key() + "_macro_f1", f1.get("estimate").asDouble());
                }
            }
            if (m.has("speed")) {
                row.put("statements_per_second_b32", m.get("speed").get("batch_32").get("median").asDouble());
                row.put("peak_rss_mb", m.get("speed").get("peak_rss_mb").asDouble());
            }
            row.put("measured_at", OffsetDateTime.now(ZoneOffset.UTC).toString());
        }
        Path tmp = Files.createTempFile(modelsRoot, ".benchmarks", ".json");
        Json.MAPPER.writeValue(tmp.toFile(), all);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The recorded figures of one model on one data set name (e.g. "dev-real.jsonl"), or null. */
    public static JsonNode lookup(Path modelsRoot, String modelId, String dataKey) {
        try {
            Path file = modelsRoot.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            JsonNode n = Json.MAPPER.readTree(file.toFile()).path(modelId).path(dataKey);
            return n.isMissingNode() ? null : n;
        } catch (IOException e) {
            return null;
        }
    }
}

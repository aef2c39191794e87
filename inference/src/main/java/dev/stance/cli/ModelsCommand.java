package dev.stance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stance.model.Manifest;
import dev.stance.model.ModelStore;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code stance models}: the versions in {@code models/} with their headline metrics. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List model versions in models/ with family, creation time and headline metrics.")
public final class ModelsCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        ModelStore store = ModelStore.local();
        List<ModelStore.Listing> rows = store.list();
        String def = null;
        try {
            def = store.defaultId();
        } catch (RuntimeException e) {
            // no DEFAULT file: nothing is marked
        }
        if (rows.isEmpty()) {
            System.out.println("no models in " + store.root());
            return ExitCodes.OK;
        }
        JsonNode bench = benchmarks(store);
        String fmt = "%-1s %-18s %-13s %-17s %9s %9s %10s %9s   %s%n";
        System.out.printf(Locale.ROOT, fmt, "", "id", "family", "created", "cv stance", "cv open.",
                "dev stance", "dev open.", "latest benchmark (stance / openness macro-F1, statements/s at batch 32)");
        for (ModelStore.Listing r : rows) {
            if (r.manifest() == null) {
                System.out.printf(Locale.ROOT, "! %-28s unreadable: %s%n", r.dir().getFileName(), r.error());
                continue;
            }
            Manifest m = r.manifest();
            String created = m.createdAt() == null ? "" : m.createdAt().substring(0, Math.min(16, m.createdAt().length()));
            System.out.printf(Locale.ROOT, fmt, m.id().equals(def) ? "*" : "", m.id(), m.family(), created,
                    metric(m.metrics(), "cv", "stance"), metric(m.metrics(), "cv", "openness"),
                    metric(m.metrics(), "dev", "stance"), metric(m.metrics(), "dev", "openness"),
                    latest(bench.path(m.id())));
        }
        System.out.println("* = default (models/" + ModelStore.DEFAULT_FILE + "); cv and dev are macro-F1 from training"
                + " (corpus splits); benchmarks come from ./stance benchmark --record (models/benchmarks.json)");
        return ExitCodes.OK;
    }

    private static JsonNode benchmarks(ModelStore store) {
        java.nio.file.Path f = store.root().resolve("benchmarks.json");
        try {
            return java.nio.file.Files.isRegularFile(f) ? dev.stance.model.Json.MAPPER.readTree(f.toFile())
                    : dev.stance.model.Json.MAPPER.createObjectNode();
        } catch (java.io.IOException e) {
            return dev.stance.model.Json.MAPPER.createObjectNode();
        }
    }

    /** The most recent benchmark entry of a model: "data: stance / openness, speed". */
    private static String latest(JsonNode perData) {
        String best = null;
        String bestTime = "";
        for (var it = perData.fields(); it.hasNext(); ) {
            var e = it.next();
            String t = e.getValue().path("measured_at").asText("");
            if (t.compareTo(bestTime) >= 0) {
                bestTime = t;
                JsonNode v = e.getValue();
                best = String.format(Locale.ROOT, "%s (n=%d): %.3f / %.3f%s", e.getKey(), v.path("n").asInt(),
                        v.path("stance_macro_f1").asDouble(), v.path("openness_macro_f1").asDouble(),
                        v.has("statements_per_second_b32")
                                ? String.format(Locale.ROOT, ", %.1f/s", v.get("statements_per_second_b32").asDouble()) : "");
            }
        }
        return best == null ? "-" : best;
    }

    private static String metric(JsonNode metrics, String split, String task) {
        JsonNode v = metrics == null ? null : metrics.path(split).path(task).path("macro_f1");
        return v == null || !v.isNumber() ? "-" : String.format(Locale.ROOT, "%.3f", v.asDouble());
    }
}

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
        String fmt = "%-1s %-28s %-14s %-20s %10s %10s %10s %10s%n";
        System.out.printf(Locale.ROOT, fmt, "", "id", "family", "created", "cv stance", "cv open.",
                "dev stance", "dev open.");
        for (ModelStore.Listing r : rows) {
            if (r.manifest() == null) {
                System.out.printf(Locale.ROOT, "! %-28s unreadable: %s%n", r.dir().getFileName(), r.error());
                continue;
            }
            Manifest m = r.manifest();
            String created = m.createdAt() == null ? "" : m.createdAt().substring(0, Math.min(16, m.createdAt().length()));
            System.out.printf(Locale.ROOT, fmt, m.id().equals(def) ? "*" : "", m.id(), m.family(), created,
                    metric(m.metrics(), "cv", "stance"), metric(m.metrics(), "cv", "openness"),
                    metric(m.metrics(), "dev", "stance"), metric(m.metrics(), "dev", "openness"));
        }
        System.out.println("* = default (models/" + ModelStore.DEFAULT_FILE + "); figures are macro-F1");
        return ExitCodes.OK;
    }

    private static String metric(JsonNode metrics, String split, String task) {
        JsonNode v = metrics == null ? null : metrics.path(split).path(task).path("macro_f1");
        return v == null || !v.isNumber() ? "-" : String.format(Locale.ROOT, "%.3f", v.asDouble());
    }
}

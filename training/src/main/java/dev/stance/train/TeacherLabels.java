package dev.stance.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stance.data.Task;
import dev.stance.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A teacher's probabilities per record id, read from the out-of-fold predictions ({@code oof}) of a
 * cross-validation {@code --report}: the soft labels a student is distilled on. Out-of-fold probabilities are
 * what the teacher says of a statement it was not trained on, so they carry its uncertainty rather than the
 * gold label it memorised.
 */
public final class TeacherLabels {
    private final Path source;
    private final Map<String, float[][]> byId;

    private TeacherLabels(Path source, Map<String, float[][]> byId) {
        this.source = source;
        this.byId = byId;
    }

    /** Reads {@code report}; each oof row must give a distribution over every label of both tasks. */
    public static TeacherLabels read(Path report) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(report.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the teacher report " + report + ": " + e.getMessage(), e);
        }
        JsonNode oof = root == null ? null : root.get("oof");
        if (oof == null || !oof.isArray() || oof.isEmpty()) {
            throw new IllegalArgumentException("teacher " + report + " has no out-of-fold predictions (\"oof\"): it"
                    + " must be a report written by `stance cv --report`");
        }
        Map<String, float[][]> byId = new HashMap<>();
        for (JsonNode row : oof) {
            String id = row.path("id").asText(null);
            float[][] p = new float[Task.values().length][];
            for (Task t : Task.values()) {
                JsonNode dist = row.get(t.key());
                if (id == null || dist == null || dist.size() != t.labels().size()) {
                    throw new IllegalArgumentException("teacher " + report + ": row " + row + " lacks an id or a "
                            + t.labels().size() + "-label " + t.key() + " distribution");
                }
                p[t.ordinal()] = new float[dist.size()];
                for (int j = 0; j < dist.size(); j++) {
                    p[t.ordinal()][j] = (float) dist.get(j).asDouble();
                }
            }
            byId.put(id, p);
        }
        return new TeacherLabels(report, byId);
    }

    /** The teacher's distribution for {@code task} on record {@code id}, or null when it did not predict it. */
    public float[] get(String id, Task task) {
        float[][] p = id == null ? null : byId.get(id);
        return p == null ? null : p[task.ordinal()];
    }

    public int size() {
        return byId.size();
    }

    public Path source() {
        return source;
    }

    /**
     * {@code p} raised to 1/T and renormalised: the teacher's distribution at temperature T (its logits divided
     * by T, up to a constant).
     */
    static float[] soften(float[] p, double temperature) {
        float[] q = new float[p.length];
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            q[j] = (float) Math.pow(Math.max(p[j], 1e-12), 1 / temperature);
            sum += q[j];
        }
        for (int j = 0; j < p.length; j++) {
            q[j] /= (float) sum;
        }
        return q;
    }
}

package dev.stance.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The self-description of an exported model, written as {@code manifest.json} beside the weights.
 *
 * <p>Like Tribuo's provenance, it says where the model came from (data files with hashes, trainer,
 * hyperparameters, seed, git commit, library versions) and what it needs at load time (family, task label
 * sets, preprocessing config, weight files with SHA-256). The scorer rebuilds preprocessing from
 * {@code features}, never from its own defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
        int schemaVersion,
        String id,
        String name,
        String version,
        String family,
        Map<String, List<String>> tasks,
        Map<String, String> weights,
        JsonNode features,
        Map<String, Object> hyperparameters,
        List<DataFile> trainingData,
        JsonNode metrics,
        Map<String, Double> temperature,
        Map<String, String> libraries,
        String gitCommit,
        String createdAt,
        Map<String, String> files) {

    /** The manifest layout this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    /** One training data file, identified by content hash so a benchmark can refuse overlap. */
    public record DataFile(String path, String sha256, int records) {
    }

    /** Calibration temperature of a task; 1.0 when the model was not calibrated. */
    public double temperatureOf(String task) {
        return temperature == null ? 1.0 : temperature.getOrDefault(task, 1.0);
    }
}

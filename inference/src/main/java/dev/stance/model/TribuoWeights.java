package dev.stance.model;

import dev.stance.data.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Reads the per-task Tribuo classifiers (protobuf files named in the manifest's weights) of any family. */
public final class TribuoWeights {
    private TribuoWeights() {
    }

    /** One classification model per task; refuses a missing entry or a file that is not a Tribuo classifier. */
    public static Map<Task, Model<Label>> readPerTask(Path dir, Manifest manifest) {
        Map<Task, Model<Label>> models = new EnumMap<>(Task.class);
        for (Task task : Task.values()) {
            models.put(task, read(ModelDirectory.weightFile(dir, manifest, task.key()), manifest.id()));
        }
        return models;
    }

    @SuppressWarnings("unchecked")
    private static Model<Label> read(Path file, String id) {
        Model<?> m;
        try {
            m = Model.deserializeFromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read Tribuo model " + file + " of " + id + ": " + e.getMessage(), e);
        }
        if (!m.validate(Label.class)) {
            throw new ModelLoadException(file + " is not a classification model");
        }
        return (Model<Label>) m;
    }
}

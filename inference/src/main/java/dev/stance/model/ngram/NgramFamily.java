package dev.stance.model.ngram;

import dev.stance.data.Task;
import dev.stance.features.FeatureConfig;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.ModelFamily;
import dev.stance.model.ModelLoadException;
import dev.stance.model.StanceModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Loads {@link NgramTribuoModel}s from Tribuo protobuf files (never Java serialization). */
public final class NgramFamily implements ModelFamily {
    public static final String NAME = "ngram-tribuo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StanceModel load(Path dir, Manifest manifest) {
        FeatureConfig features;
        try {
            features = Json.MAPPER.treeToValue(manifest.features(), FeatureConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException("model " + manifest.id() + " has an invalid feature config: "
                    + e.getMessage(), e);
        }
        Map<Task, Model<Label>> models = new EnumMap<>(Task.class);
        for (Task task : Task.values()) {
            String file = manifest.weights().get(task.key());
            if (file == null) {
                throw new ModelLoadException("model " + manifest.id() + " has no weights for task " + task.key());
            }
            models.put(task, readModel(dir.resolve(file), manifest.id()));
        }
        return new NgramTribuoModel(manifest, features, models);
    }

    @SuppressWarnings("unchecked")
    private static Model<Label> readModel(Path file, String id) {
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

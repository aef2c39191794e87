package dev.stance.model.ngram;

import dev.stance.features.FeatureConfig;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.ModelFamily;
import dev.stance.model.ModelLoadException;
import dev.stance.model.StanceModel;
import dev.stance.model.TribuoWeights;
import java.io.IOException;
import java.nio.file.Path;

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
        return NgramTribuoModel.forScoring(manifest, features, TribuoWeights.readPerTask(dir, manifest));
    }
}

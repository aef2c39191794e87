package dev.stance.model.lora;

import dev.stance.encoder.BaseWeights;
import dev.stance.encoder.MbertEncoder;
import dev.stance.encoder.SharedEncoders;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.ModelDirectory;
import dev.stance.model.ModelFamily;
import dev.stance.model.ModelLoadException;
import dev.stance.model.StanceModel;
import dev.stance.model.mbert.MbertConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads mbert-lora models: a frozen encoder up to some layer (TensorFlow), the layers above with the model's
 * low-rank adapters and its heads (PyTorch), up to layer 12 or, for a distilled student, a lower one. The folder
 * holds only {@code adapters.ndlist} (DJL's NDList format) and the manifest; base weights come from the Maven
 * Central jar and must match the manifest's hashes.
 */
public final class MbertLoraFamily implements ModelFamily {
    public static final String NAME = "mbert-lora";
    public static final String ADAPTERS_FILE = "adapters.ndlist";
    /** Key of the adapter file in the manifest's {@code weights}. */
    public static final String ADAPTERS_KEY = "adapters";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StanceModel load(Path dir, Manifest manifest) {
        LoraConfig config = config(manifest);
        Path adapters = ModelDirectory.weightFile(dir, manifest, ADAPTERS_KEY);
        LoraTransformer top;
        try {
            top = LoraTransformer.decode(baseLayers(config, manifest.id()), config.rank(), config.alpha(),
                    Files.readAllBytes(adapters));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read the adapters of " + manifest.id() + " (" + adapters + "): "
                    + e.getMessage(), e);
        }
        MbertConfig enc = config.encoderConfig();
        return new MbertLoraModel(manifest, SharedEncoders.acquire(enc.encoder(), enc::openEncoder), top);
    }

    /** The base weights of the adapted layers, refused unless each matches the hash the model was trained on. */
    public static List<BaseWeights.Layer> baseLayers(LoraConfig config, String modelId) {
        List<BaseWeights.Layer> layers = new ArrayList<>();
        List<Integer> adapted = config.adaptedLayers();
        if (config.baseSha256() == null || config.baseSha256().size() != adapted.size()) {
            throw new ModelLoadException("model " + modelId + " must pin the base weights of layers " + adapted
                    + " by SHA-256");
        }
        for (int i = 0; i < adapted.size(); i++) {
            BaseWeights.Layer l = BaseWeights.layer(adapted.get(i));
            if (!l.sha256().equals(config.baseSha256().get(i))) {
                throw new ModelLoadException("model " + modelId + " was trained on mBERT layer " + l.layer()
                        + " with SHA-256 " + config.baseSha256().get(i) + " but the encoder cache has " + l.sha256());
            }
            layers.add(l);
        }
        return layers;
    }

    /** Reads the manifest's settings and refuses an encoder this build does not provide. */
    public static LoraConfig config(Manifest manifest) {
        LoraConfig c;
        try {
            c = Json.MAPPER.treeToValue(manifest.features(), LoraConfig.class);
        } catch (IOException e) {
            throw new ModelLoadException("model " + manifest.id() + " has an invalid config: " + e.getMessage(), e);
        }
        if (c.depth() < 2 || c.depth() > MbertEncoder.LAYERS || c.frozenLayers() < 1 || c.frozenLayers() >= c.depth()
                || c.rank() < 1) {
            throw new ModelLoadException("model " + manifest.id() + " has layers " + c.depth() + ", frozen_layers "
                    + c.frozenLayers() + " and rank " + c.rank() + "; allowed: 2..12, 1..layers-1 and ≥ 1");
        }
        if (!LoraConfig.encoderId(c.frozenLayers()).equals(c.encoder())) {
            throw new ModelLoadException("model " + manifest.id() + " was trained on encoder " + c.encoder()
                    + " but this build provides " + LoraConfig.encoderId(c.frozenLayers()));
        }
        return c;
    }
}

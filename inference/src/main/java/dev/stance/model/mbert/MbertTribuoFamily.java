package dev.stance.model.mbert;

import dev.stance.data.Task;
import dev.stance.encoder.SharedEncoders;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.ModelFamily;
import dev.stance.model.ModelLoadException;
import dev.stance.model.StanceModel;
import dev.stance.model.TribuoWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Loads mbert-tribuo models: Tribuo protobuf heads plus the shared frozen encoder. */
public final class MbertTribuoFamily implements ModelFamily {
    public static final String NAME = "mbert-tribuo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StanceModel load(Path dir, Manifest manifest) {
        MbertConfig config = config(manifest);
        Map<Task, Model<Label>> heads = readHeads(dir, manifest);
        return new MbertTribuoModel(manifest, config, SharedEncoders.acquire(config.encoder(), config::openEncoder), heads);
    }

    /** The Tribuo head of each task, from its protobuf file. */
    public static Map<Task, Model<Label>> readHeads(Path dir, Manifest manifest) {
        return TribuoWeights.readPerTask(dir, manifest);
    }

    /** Reads the manifest's encoder settings and refuses an encoder this build does not provide. */
    public static MbertConfig config(Manifest manifest) {
        MbertConfig c;
        try {
            c = Json.MAPPER.treeToValue(manifest.features(), MbertConfig.class);
        } catch (IOException e) {
            throw new ModelLoadException("model " + manifest.id() + " has an invalid encoder config: " + e.getMessage(), e);
        }
        String provided;
        try {
            provided = MbertConfig.encoderId(c.layers(), c.extraLayer(), c.separateContext(), c.contextWeight());
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException("model " + manifest.id() + ": " + e.getMessage(), e);
        }
        if (!provided.equals(c.encoder())) {
            throw new ModelLoadException("model " + manifest.id() + " was trained on encoder " + c.encoder()
                    + " but this build provides " + provided);
        }
        return c;
    }
}

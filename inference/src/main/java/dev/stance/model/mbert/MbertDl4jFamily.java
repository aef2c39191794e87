package dev.stance.model.mbert;

import dev.stance.encoder.SharedEncoders;
import dev.stance.model.Manifest;
import dev.stance.model.ModelFamily;
import dev.stance.model.ModelLoadException;
import dev.stance.model.StanceModel;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads mbert-dl4j models. The head is stored as DL4J's JSON graph configuration ({@code head.json}) plus the
 * flat parameter vector in ND4J's binary array format ({@code head.params}); no Java serialization is read.
 */
public final class MbertDl4jFamily implements ModelFamily {
    public static final String NAME = "mbert-dl4j";
    public static final String CONFIG_FILE = "head.json";
    public static final String PARAMS_FILE = "head.params";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StanceModel load(Path dir, Manifest manifest) {
        MbertConfig config = MbertTribuoFamily.config(manifest);
        return new MbertDl4jModel(manifest, SharedEncoders.acquire(config.encoder(), config::openEncoder), readGraph(dir));
    }

    /** Rebuilds the head graph from its JSON configuration and parameter file. */
    public static ComputationGraph readGraph(Path dir) {
        try {
            String json = Files.readString(dir.resolve(CONFIG_FILE), StandardCharsets.UTF_8);
            ComputationGraph g = new ComputationGraph(ComputationGraphConfiguration.fromJson(json));
            INDArray params;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(PARAMS_FILE))))) {
                params = Nd4j.read(in);
            }
            g.init(params, false);
            return g;
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read DL4J head in " + dir + ": " + e.getMessage(), e);
        }
    }
}

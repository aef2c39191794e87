package dev.stance.model.mbert;

import dev.stance.encoder.SharedEncoders;
import dev.stance.model.Manifest;
import dev.stance.model.ModelDirectory;
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
    /** Keys of the two files in the manifest's {@code weights}. */
    public static final String GRAPH_KEY = "graph";
    public static final String PARAMS_KEY = "params";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StanceModel load(Path dir, Manifest manifest) {
        Path graph = ModelDirectory.weightFile(dir, manifest, GRAPH_KEY);
        Path params = ModelDirectory.weightFile(dir, manifest, PARAMS_KEY);
        MbertConfig config = MbertTribuoFamily.config(manifest);
        ComputationGraph head = readGraph(graph, params);
        return new MbertDl4jModel(manifest, SharedEncoders.acquire(config.encoder(), config::openEncoder), head);
    }

    /** Rebuilds the head graph from its JSON configuration and parameter file (as exported into {@code dir}). */
    public static ComputationGraph readGraph(Path dir) {
        return readGraph(dir.resolve(CONFIG_FILE), dir.resolve(PARAMS_FILE));
    }

    private static ComputationGraph readGraph(Path configFile, Path paramsFile) {
        Path dir = configFile.getParent();
        try {
            String json = Files.readString(configFile, StandardCharsets.UTF_8);
            ComputationGraph g = new ComputationGraph(ComputationGraphConfiguration.fromJson(json));
            INDArray params;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(paramsFile)))) {
                params = Nd4j.read(in);
            }
            g.init(params, false);
            return g;
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read DL4J head in " + dir + ": " + e.getMessage(), e);
        }
    }
}

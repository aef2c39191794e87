package dev.stance.train;

import dev.stance.encoder.MbertEncoder;
import dev.stance.model.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyperparameters of the transformer-head families (mbert-tribuo, mbert-dl4j), from a JSON {@code --config}
 * (snake_case; absent keys keep the defaults, unknown keys are an error).
 *
 * @param epochs passes over the training data (the maximum, for mbert-dl4j, which stops early on dev)
 * @param learningRate initial learning rate (AdaGrad for mbert-tribuo, Adam for mbert-dl4j)
 * @param classWeighting weight examples (tribuo) or the loss (dl4j) by inverse label frequency
 * @param seed seed of every random choice
 * @param contextWeight weight of the context block in mbert-tribuo features; 0 (either family): the context is
 *                      never encoded, the heads read the statement alone
 * @param batchSize encoder batch size
 * @param hidden width of the dl4j head's convolution and attention layers
 * @param dropout dropout rate in the dl4j head
 * @param patience epochs without dev improvement before the dl4j head stops
 * @param minibatch dl4j training minibatch size
 * @param attention mbert-tribuo: add the attention-pooled statement vector to the features
 * @param layers encoder depth: heads read the output of this transformer layer (1..12)
 * @param separateContext encode statement and context as two single sentences instead of one pair
 * @param extraLayer a lower encoder layer whose token vectors are appended to the last one's (0: none)
 * @param cls mbert-tribuo: include the [CLS] vector in the features
 * @param head mbert-dl4j: {@code conv} (a width-3 convolution over the token vectors, then pooling) or
 *             {@code pool} (masked max and mean pooling of the token vectors themselves, then the dense layer:
 *             no convolution, several times cheaper to train)
 */
public record MbertTrainConfig(int epochs, double learningRate, boolean classWeighting, long seed,
                               double contextWeight, int batchSize, int hidden, double dropout, int patience,
                               int minibatch, boolean attention, int layers,
                               boolean separateContext, int extraLayer, boolean cls, String head) {

    /** What each numeric key accepts (checked in the config file before binding, and on construction). */
    static final List<Allowed> ALLOWED = List.of(
            Allowed.integer("epochs", 1),
            Allowed.positive("learning_rate"),
            Allowed.nonNegative("context_weight"),
            Allowed.integer("batch_size", 1),
            Allowed.integer("hidden", 1),
            Allowed.below("dropout", 0, 1),
            Allowed.integer("patience", 1),
            Allowed.integer("minibatch", 1),
            Allowed.integer("layers", 1, MbertEncoder.LAYERS),
            Allowed.integer("extra_layer", 1, MbertEncoder.LAYERS - 1).orZero("none"));

    /** @throws IllegalArgumentException naming the key and its allowed values when one is out of range */
    public MbertTrainConfig {
        Allowed.check(ALLOWED, "epochs", epochs);
        Allowed.check(ALLOWED, "learning_rate", learningRate);
        Allowed.check(ALLOWED, "context_weight", contextWeight);
        Allowed.check(ALLOWED, "batch_size", batchSize);
        Allowed.check(ALLOWED, "hidden", hidden);
        Allowed.check(ALLOWED, "dropout", dropout);
        Allowed.check(ALLOWED, "patience", patience);
        Allowed.check(ALLOWED, "minibatch", minibatch);
        Allowed.check(ALLOWED, "layers", layers);
        Allowed.check(ALLOWED, "extra_layer", extraLayer);
        if (!"conv".equals(head) && !"pool".equals(head)) {
            throw new IllegalArgumentException("'head' is " + (head == null ? "null" : "\"" + head + "\"")
                    + "; allowed: \"conv\" or \"pool\"");
        }
        if (extraLayer >= layers) {
            throw new IllegalArgumentException("'extra_layer' is " + extraLayer + "; allowed: 0 (none) or a layer"
                    + " below 'layers' (" + layers + ")");
        }
    }

    /** Defaults per family: AdaGrad for the Tribuo head, Adam with early stopping for the DL4J head. */
    public static MbertTrainConfig defaults(String family) {
        return family.equals("mbert-dl4j")
                ? new MbertTrainConfig(40, 1e-3, true, 42L, 0.5, 16, 128, 0.3, 6, 32, false, 12, false, 0, true, "conv")
                : new MbertTrainConfig(10, 0.1, true, 42L, 0.5, 16, 128, 0.3, 5, 32, false, 12, false, 0, true, "conv");
    }

    /**
     * Reads a config file over {@link #defaults(String)}.
     *
     * @throws InvalidConfigException naming the file and the key, for a missing or unreadable file, invalid
     *         JSON, an unknown key, a value of the wrong type or out of range
     */
    public static MbertTrainConfig read(Path file, String family) {
        return ConfigFiles.read(file, defaults(family), MbertTrainConfig.class, ALLOWED);
    }

    public MbertTrainConfig withSeed(long s) {
        return new MbertTrainConfig(epochs, learningRate, classWeighting, s, contextWeight, batchSize, hidden,
                dropout, patience, minibatch, attention, layers, separateContext, extraLayer, cls, head);
    }

    public MbertTrainConfig withEpochs(int e) {
        return new MbertTrainConfig(e, learningRate, classWeighting, seed, contextWeight, batchSize, hidden,
                dropout, patience, minibatch, attention, layers, separateContext, extraLayer, cls, head);
    }

    public Map<String, Object> hyperparameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        Json.MAPPER.convertValue(this, Map.class).forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }
}

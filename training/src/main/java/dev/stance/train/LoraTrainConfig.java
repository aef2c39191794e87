package dev.stance.train;

import dev.stance.encoder.MbertEncoder;
import dev.stance.model.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyperparameters of the mbert-lora family, from a JSON {@code --config} (snake_case; absent keys keep the
 * defaults, unknown keys are an error).
 *
 * @param epochs passes over the training data
 * @param learningRate peak AdamW learning rate of the adapters
 * @param headLearningRate peak AdamW learning rate of the two task heads
 * @param adaptedLayers how many of the model's top transformer layers get adapters (fewer run the rest frozen
 *                      in TensorFlow once, and training costs fall in proportion)
 * @param layers the model's depth: BERT cut after this many layers (12: the whole encoder; fewer: a student
 *               whose scoring cost falls with depth)
 * @param rank adapter rank r
 * @param alpha adapter scale α (updates scaled by α / r)
 * @param dropout dropout in the adapted layers (attention, hidden, adapter input) and on the pooled vector
 * @param weightDecay decoupled (AdamW) weight decay on adapter and head matrices
 * @param warmup fraction of the steps with a linearly rising learning rate; it then falls linearly to zero
 * @param maxGradNorm clip the gradients' joint L2 norm to this (0: no clipping)
 * @param minibatch statements per optimizer step
 * @param classWeighting weight the loss by inverse label frequency
 * @param seed seed of initialisation, dropout and batch order
 * @param batchSize encoder batch size
 * @param teacher a cross-validation {@code --report} whose out-of-fold probabilities (by record id) are soft
 *                labels for distillation; null: none
 * @param distillWeight λ: the loss is (1 − λ)·cross-entropy on the gold labels + λ·T²·cross-entropy on the
 *                      teacher's probabilities at temperature T (0: no distillation)
 * @param distillTemperature T, softening both the teacher's and the student's distributions in that term
 */
public record LoraTrainConfig(int epochs, double learningRate, double headLearningRate, int adaptedLayers, int rank,
                              double alpha, double dropout, double weightDecay, double warmup, double maxGradNorm, int minibatch,
                              boolean classWeighting, long seed, int batchSize, int layers, String teacher,
                              double distillWeight, double distillTemperature) {
    static final List<Allowed> ALLOWED = List.of(
            Allowed.integer("epochs", 1),
            Allowed.positive("learning_rate"),
            Allowed.positive("head_learning_rate"),
            Allowed.integer("adapted_layers", 1, MbertEncoder.LAYERS - 1),
            Allowed.integer("rank", 1),
            Allowed.positive("alpha"),
            Allowed.below("dropout", 0, 1),
            Allowed.nonNegative("weight_decay"),
            Allowed.below("warmup", 0, 1),
            Allowed.nonNegative("max_grad_norm"),
            Allowed.integer("minibatch", 1),
            Allowed.integer("batch_size", 1),
            Allowed.integer("layers", 2, MbertEncoder.LAYERS),
            Allowed.below("distill_weight", 0, 1),
            Allowed.positive("distill_temperature"));

    /** @throws IllegalArgumentException naming the key and its allowed values when one is out of range */
    public LoraTrainConfig {
        Allowed.check(ALLOWED, "epochs", epochs);
        Allowed.check(ALLOWED, "learning_rate", learningRate);
        Allowed.check(ALLOWED, "head_learning_rate", headLearningRate);
        Allowed.check(ALLOWED, "adapted_layers", adaptedLayers);
        Allowed.check(ALLOWED, "rank", rank);
        Allowed.check(ALLOWED, "alpha", alpha);
        Allowed.check(ALLOWED, "dropout", dropout);
        Allowed.check(ALLOWED, "weight_decay", weightDecay);
        Allowed.check(ALLOWED, "warmup", warmup);
        Allowed.check(ALLOWED, "max_grad_norm", maxGradNorm);
        Allowed.check(ALLOWED, "minibatch", minibatch);
        Allowed.check(ALLOWED, "batch_size", batchSize);
        Allowed.check(ALLOWED, "layers", layers);
        Allowed.check(ALLOWED, "distill_weight", distillWeight);
        Allowed.check(ALLOWED, "distill_temperature", distillTemperature);
        if (adaptedLayers >= layers) {
            throw new IllegalArgumentException("adapted_layers (" + adaptedLayers + ") must be below layers ("
                    + layers + "): the lowest layer runs frozen in TensorFlow");
        }
        if ((distillWeight > 0) != (teacher != null)) {
            throw new IllegalArgumentException("distillation needs both teacher (a cross-validation report) and"
                    + " distill_weight > 0, not only one of them");
        }
    }

    public static LoraTrainConfig defaults() {
        return new LoraTrainConfig(4, 5e-4, 1e-3, 4, 8, 16, 0.1, 0.01, 0.1, 0, 16, true, 42L, 16, MbertEncoder.LAYERS,
                null, 0, 2);
    }

    /** Reads a config file over {@link #defaults()}. */
    public static LoraTrainConfig read(Path file) {
        return file == null ? defaults() : ConfigFiles.read(file, defaults(), LoraTrainConfig.class, ALLOWED);
    }

    /** Layers run frozen below the adapted ones. */
    public int frozenLayers() {
        return layers - adaptedLayers;
    }

    public LoraTrainConfig withSeed(long s) {
        return new LoraTrainConfig(epochs, learningRate, headLearningRate, adaptedLayers, rank, alpha, dropout,
                weightDecay, warmup, maxGradNorm, minibatch, classWeighting, s, batchSize, layers, teacher, distillWeight,
                distillTemperature);
    }

    public Map<String, Object> hyperparameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        Json.MAPPER.convertValue(this, Map.class).forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }
}

package dev.stance.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stance.features.FeatureConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyperparameters of the n-gram family, readable from a JSON {@code --config} file (snake_case keys; absent
 * keys keep their defaults; unknown keys are an error). Every field is recorded in the manifest.
 *
 * @param algorithm {@code logistic} (multinomial logistic regression) or {@code svm} (linear SVM, hinge loss)
 * @param epochs passes over the training data
 * @param learningRate initial AdaGrad learning rate (both algorithms; the few epochs act as regularisation)
 * @param classWeighting weight examples by inverse label frequency
 * @param minDf drop features seen in fewer training statements than this (keeps model files small)
 * @param folds cross-validation folds: 0 for none, else at least 2 (and, when training, at most the number of
 *              training statements of the rarest label; see {@link CrossValidation#maxFolds})
 * @param seed seed of every random choice: shuffling, fold assignment
 * @param features featurization config
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainConfig(String algorithm, int epochs, double learningRate, boolean classWeighting, int minDf,
                          int folds, long seed, FeatureConfig features) {

    /** What each numeric key accepts, the feature keys included (checked in the config file before binding). */
    static final List<Allowed> ALLOWED = List.of(
            Allowed.integer("epochs", 1),
            Allowed.positive("learning_rate"),
            Allowed.integer("min_df", 1),
            Allowed.integer("folds", 2).orZero("no cross-validation"),
            Allowed.integer("features.word_ngram_max", 0),
            Allowed.integer("features.char_ngram_min", 1),
            Allowed.integer("features.char_ngram_max", 0),
            Allowed.nonNegative("features.context_weight"));

    /** @throws IllegalArgumentException naming the key and its allowed values when one is out of range */
    public TrainConfig {
        if (!"logistic".equals(algorithm) && !"svm".equals(algorithm)) {
            throw new IllegalArgumentException("'algorithm' is '" + algorithm + "'; allowed: logistic or svm");
        }
        if (features == null) {
            throw new IllegalArgumentException("'features' is missing");
        }
        Allowed.check(ALLOWED, "epochs", epochs);
        Allowed.check(ALLOWED, "learning_rate", learningRate);
        Allowed.check(ALLOWED, "min_df", minDf);
        Allowed.check(ALLOWED, "folds", folds);
    }

    public static TrainConfig defaults() {
        return new TrainConfig("logistic", 10, 0.5, true, 2, 5, 42L, FeatureConfig.defaults());
    }

    /**
     * Reads a config file; keys it does not set keep {@link #defaults()} (nested ones too).
     *
     * @throws InvalidConfigException naming the file and the key, for a missing or unreadable file, invalid
     *         JSON, an unknown key, a value of the wrong type or out of range
     */
    public static TrainConfig read(Path file) {
        return ConfigFiles.read(file, defaults(), TrainConfig.class, ALLOWED);
    }

    public TrainConfig withAlgorithm(String a) {
        return new TrainConfig(a, epochs, learningRate, classWeighting, minDf, folds, seed, features);
    }

    public TrainConfig withFolds(int f) {
        return new TrainConfig(algorithm, epochs, learningRate, classWeighting, minDf, f, seed, features);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(algorithm, epochs, learningRate, classWeighting, minDf, folds, s, features);
    }

    /** Hyperparameters for the manifest (features are stored separately). */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm);
        m.put("epochs", epochs);
        m.put("learning_rate", learningRate);
        m.put("class_weighting", classWeighting);
        m.put("min_df", minDf);
        m.put("folds", folds);
        m.put("seed", seed);
        return m;
    }
}

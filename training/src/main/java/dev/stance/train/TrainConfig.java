package dev.stance.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stance.features.FeatureConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * @param folds cross-validation folds (0 or 1 = none)
 * @param seed seed of every random choice: shuffling, fold assignment
 * @param features featurization config
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainConfig(String algorithm, int epochs, double learningRate, boolean classWeighting, int minDf,
                          int folds, long seed, FeatureConfig features) {

    public TrainConfig {
        if (!"logistic".equals(algorithm) && !"svm".equals(algorithm)) {
            throw new IllegalArgumentException("algorithm must be logistic or svm, not '" + algorithm + "'");
        }
        if (epochs < 1 || learningRate <= 0) {
            throw new IllegalArgumentException("epochs must be >= 1 and learning_rate > 0");
        }
    }

    public static TrainConfig defaults() {
        return new TrainConfig("logistic", 10, 0.5, true, 2, 5, 42L, FeatureConfig.defaults());
    }

    /** Reads a config file; keys it does not set keep {@link #defaults()}, keys it misspells are an error. */
    public static TrainConfig read(Path file) throws IOException {
        return ConfigFiles.read(file, defaults(), TrainConfig.class);
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

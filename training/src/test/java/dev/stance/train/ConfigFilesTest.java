package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("c.json"), json);
    }

    @Test
    void givenKeysReplaceDefaultsAndAbsentKeysKeepThem() throws IOException {
        MbertTrainConfig c = MbertTrainConfig.read(write("{\"context_weight\": 0, \"cls\": false}"), "mbert-tribuo");
        MbertTrainConfig d = MbertTrainConfig.defaults("mbert-tribuo");
        assertEquals(0.0, c.contextWeight());
        assertFalse(c.cls());
        assertEquals(d.epochs(), c.epochs());
        assertEquals(d.learningRate(), c.learningRate());
    }

    @Test
    void misspeltTransformerKeyIsAnErrorNamingTheKey() throws IOException {
        Path f = write("{\"context_wieght\": 0}");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> MbertTrainConfig.read(f, "mbert-dl4j"));
        assertTrue(e.getMessage().contains("unknown key 'context_wieght'"), e.getMessage());
        assertTrue(e.getMessage().contains("context_weight"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void misspeltNgramFeatureKeyIsAnErrorNamingItsSection() throws IOException {
        Path f = write("{\"features\": {\"normalizer\": [\"nfkc\"], \"word_ngram_max\": 2, \"char_ngram_min\": 2,"
                + " \"char_ngram_max\": 4, \"context_weight\": 0.5, \"char_ngrams\": 3}}");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TrainConfig.read(f));
        assertTrue(e.getMessage().contains("unknown key 'char_ngrams' in 'features'"), e.getMessage());
    }

    @Test
    void nonObjectConfigIsAnError() throws IOException {
        Path f = write("[1, 2]");
        assertThrows(InvalidConfigException.class, () -> TrainConfig.read(f));
        assertThrows(InvalidConfigException.class, () -> MbertTrainConfig.read(f, "mbert-tribuo"));
        assertThrows(InvalidConfigException.class, () -> TrainConfig.read(write("")));
    }

    /** The message of reading {@code json} as an n-gram config: one line, starting with the file. */
    private String ngramError(String json) throws IOException {
        Path f = write(json);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TrainConfig.read(f));
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    private String transformerError(String json) throws IOException {
        Path f = write(json);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> MbertTrainConfig.read(f, "mbert-dl4j"));
        assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().lines().count() == 1, e.getMessage());
        return e.getMessage();
    }

    @Test
    void outOfRangeNumbersNameTheKeyAndTheAllowedRange() throws IOException {
        assertTrue(ngramError("{\"epochs\": -3}").endsWith("'epochs' is -3; allowed: an integer from 1 to 2147483647"));
        assertTrue(ngramError("{\"learning_rate\": 0}").endsWith("'learning_rate' is 0; allowed: a number > 0"));
        assertTrue(ngramError("{\"min_df\": 0}").contains("'min_df' is 0; allowed: an integer from 1"));
        assertTrue(ngramError("{\"features\": {\"context_weight\": -1}}")
                .endsWith("'features.context_weight' is -1; allowed: a number >= 0"));
        assertTrue(transformerError("{\"dropout\": 1.5}").endsWith("'dropout' is 1.5; allowed: a number from 0 to 1 (1 excluded)"));
        assertTrue(transformerError("{\"layers\": 13}").endsWith("'layers' is 13; allowed: an integer from 1 to 12"));
        assertTrue(transformerError("{\"patience\": 0}").contains("'patience' is 0; allowed: an integer from 1"));
        assertTrue(transformerError("{\"layers\": 4, \"extra_layer\": 6}")
                .endsWith("'extra_layer' is 6; allowed: 0 (none) or a layer below 'layers' (4)"));
    }

    @Test
    void foldsAreZeroOrAtLeastTwo() throws IOException {
        assertTrue(ngramError("{\"folds\": 1}").endsWith("'folds' is 1; allowed: 0 (no cross-validation) or an integer"
                + " from 2 to 2147483647"));
        assertTrue(ngramError("{\"folds\": -5}").contains("'folds' is -5"));
        assertEquals(0, TrainConfig.read(write("{\"folds\": 0}")).folds());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withFolds(1));
    }

    @Test
    void charNgramMinAboveMaxIsAnErrorNamingBothKeys() throws IOException {
        assertTrue(ngramError("{\"features\": {\"char_ngram_min\": 5, \"char_ngram_max\": 2}}")
                .endsWith("'features.char_ngram_min' is 5; allowed: an integer from 1 to 'char_ngram_max' (2)"));
    }

    @Test
    void wrongTypesAreErrorsNotCoercions() throws IOException {
        assertTrue(ngramError("{\"epochs\": \"ten\"}").endsWith("'epochs' is \"ten\"; allowed: an integer from 1 to 2147483647"));
        assertTrue(ngramError("{\"epochs\": \"10\"}").contains("'epochs' is \"10\""));
        assertTrue(ngramError("{\"epochs\": 2.5}").contains("'epochs' is 2.5"));
        assertTrue(ngramError("{\"class_weighting\": \"yes\"}").endsWith("'class_weighting' must be true or false, not \"yes\""));
        assertTrue(ngramError("{\"class_weighting\": 1}").contains("'class_weighting' must be true or false"));
        assertTrue(ngramError("{\"seed\": \"x\"}").endsWith("'seed' must be an integer, not \"x\""));
        assertTrue(ngramError("{\"features\": {\"normalizer\": \"nfkc\"}}").contains("'features.normalizer' must be a list"));
        assertTrue(ngramError("{\"features\": 3}").contains("'features' must be an object"));
        assertTrue(ngramError("{\"algorithm\": \"forest\"}").endsWith("'algorithm' is 'forest'; allowed: logistic or svm"));
        assertTrue(ngramError("{\"features\": {\"normalizer\": [\"nfkc\", \"shout\"]}}")
                .contains("'features.normalizer' has unknown step 'shout'"));
    }

    @Test
    void nullIsAnErrorNotAZeroOrAMissingList() throws IOException {
        assertTrue(ngramError("{\"learning_rate\": null}").endsWith("'learning_rate' is null; leave the key out to keep its default"));
        assertTrue(ngramError("{\"features\": {\"normalizer\": null}}").contains("'features.normalizer' is null"));
        assertTrue(ngramError("{\"features\": {\"normalizer\": [null]}}").contains("'features.normalizer'"));
    }

    @Test
    void invalidJsonAndMissingFilesAreOneLineErrors() throws IOException {
        assertTrue(ngramError("{\"epochs\": ").contains("not valid JSON at line 1"));
        assertTrue(ngramError("{\"epochs\": 3,}").contains("not valid JSON"));
        assertTrue(ngramError("{\"epochs\": 3, \"epochs\": 30}").contains("Duplicate field 'epochs'"));
        Path missing = dir.resolve("missing.json");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TrainConfig.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void aPartialFeaturesObjectKeepsTheOtherFeatureDefaults() throws IOException {
        TrainConfig c = TrainConfig.read(write("{\"features\": {\"char_ngram_max\": 4}}"));
        assertEquals(4, c.features().charNgramMax());
        assertEquals(TrainConfig.defaults().features().normalizer(), c.features().normalizer());
        assertEquals(TrainConfig.defaults().features().charNgramMin(), c.features().charNgramMin());
    }

    @Test
    void everyShippedConfigParses() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("configs"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "found " + files);
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.startsWith("ngram")) {
                TrainConfig.read(f);
            } else if (name.startsWith("mbert-lora")) {
                LoraTrainConfig.read(f);
            } else {
                MbertTrainConfig.read(f, name.startsWith("mbert-dl4j") ? "mbert-dl4j" : "mbert-tribuo");
            }
        }
    }
}

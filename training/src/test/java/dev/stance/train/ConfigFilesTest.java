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
        IOException e = assertThrows(IOException.class, () -> MbertTrainConfig.read(f, "mbert-dl4j"));
        assertTrue(e.getMessage().contains("unknown key 'context_wieght'"), e.getMessage());
        assertTrue(e.getMessage().contains("context_weight"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void misspeltNgramFeatureKeyIsAnErrorNamingItsSection() throws IOException {
        Path f = write("{\"features\": {\"normalizer\": [\"nfkc\"], \"word_ngram_max\": 2, \"char_ngram_min\": 2,"
                + " \"char_ngram_max\": 4, \"context_weight\": 0.5, \"char_ngrams\": 3}}");
        IOException e = assertThrows(IOException.class, () -> TrainConfig.read(f));
        assertTrue(e.getMessage().contains("unknown key 'char_ngrams' in 'features'"), e.getMessage());
    }

    @Test
    void nonObjectConfigIsAnError() throws IOException {
        Path f = write("[1, 2]");
        assertThrows(IOException.class, () -> TrainConfig.read(f));
        assertThrows(IOException.class, () -> MbertTrainConfig.read(f, "mbert-tribuo"));
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
            } else {
                MbertTrainConfig.read(f, name.startsWith("mbert-dl4j") ? "mbert-dl4j" : "mbert-tribuo");
            }
        }
    }
}

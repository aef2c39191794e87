package dev.stance.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.data.Task;
import dev.stance.model.Checksums;
import dev.stance.model.Manifest;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.score.ArticleSource;
import dev.stance.score.AtomicOutput;
import dev.stance.score.BatchScorer;
import dev.stance.score.JsonlResultWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model in models/ loads with verified checksums; the default scores the sample articles. */
class ShippedModelTest {
    private final ModelStore store = new ModelStore(RepoPaths.root().resolve("models"));

    @Test
    void everyShippedVersionIsReadableAndTheDefaultExists() throws Exception {
        List<ModelStore.Listing> rows = store.list();
        assertTrue(rows.stream().allMatch(r -> r.error() == null), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.manifest().id().equals(store.defaultId())), "DEFAULT names a shipped model");
    }

    @Test
    void everyModelRecordsTheCorpusItWasTrainedOn() throws Exception {
        for (ModelStore.Listing r : store.list()) {
            Manifest m = r.manifest();
            assertTrue(m.trainingData() != null && !m.trainingData().isEmpty(), m.id());
            for (Manifest.DataFile f : m.trainingData()) {
                Path p = RepoPaths.root().resolve(f.path());
                assertEquals(f.sha256(), Checksums.sha256(p), m.id() + " was trained on a different " + f.path()
                        + "; retrain it or restore the file");
            }
        }
    }

    @Test
    void defaultModelScoresTheSampleArticles() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StanceModel m = store.load("default");
             var w = new JsonlResultWriter(AtomicOutput.toStream(out))) {
            BatchScorer.Summary s = new BatchScorer(m).run(
                    new ArticleSource(List.of(RepoPaths.root().resolve("datasets/samples").toString()), System.in), w);
            assertEquals(0, s.failed());
            assertTrue(s.sentences() >= 15, "sentences: " + s.sentences());
            assertEquals(m.manifest().tasks().get(Task.STANCE.key()), Task.STANCE.labels());
        }
    }
}

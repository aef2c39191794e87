package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.model.ModelLoadException;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleTrainerTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path root;

    @Test
    void averagesItsMembersAndRefusesAChangedMember() throws Exception {
        List<Statement> data = Fixtures.small();
        Path a = NgramFamilyTrainer.trainAndExport(Fixtures.quickConfig(), List.of(Fixtures.SMALL), data, List.of(),
                root, "lr", QUIET);
        Path b = NgramFamilyTrainer.trainAndExport(Fixtures.quickConfig().withAlgorithm("svm"), List.of(Fixtures.SMALL),
                data, List.of(), root, "svm", QUIET);
        ModelStore store = new ModelStore(root);
        Path e = EnsembleTrainer.export(store, List.of("lr-v1", "svm-v1"), data.subList(0, 12), root, "both", QUIET);
        List<StatementInput> in = data.stream().map(s -> new StatementInput(s.text(), s.context())).toList();
        try (StanceModel ens = ModelStore.load(e); StanceModel ma = ModelStore.load(a); StanceModel mb = ModelStore.load(b)) {
            List<StatementPrediction> pe = ens.predict(in);
            List<StatementPrediction> pa = ma.predict(in);
            List<StatementPrediction> pb = mb.predict(in);
            for (int i = 0; i < in.size(); i++) {
                for (Task t : Task.values()) {
                    for (String l : t.labels()) {
                        assertEquals((pa.get(i).get(t).p().get(l) + pb.get(i).get(t).p().get(l)) / 2,
                                pe.get(i).get(t).p().get(l), 1e-12);
                    }
                }
            }
            assertTrue(ens.manifest().metrics().get("dev").has("stance"));
            assertEquals(1, ens.manifest().trainingData().size(), "members' training files, without duplicates");
        }
        String manifest = Files.readString(b.resolve("manifest.json"));
        Files.writeString(b.resolve("manifest.json"), manifest.replace("\"svm\"", "\"logistic\""));
        var ex = assertThrows(ModelLoadException.class, () -> ModelStore.load(e));
        assertTrue(ex.getMessage().contains("svm-v1"), ex.getMessage());
    }
}

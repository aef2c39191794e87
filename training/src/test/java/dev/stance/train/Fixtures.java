package dev.stance.train;

import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import java.nio.file.Path;
import java.util.List;

/** Test data: the small labelled file shipped with the tests (written for them, in three languages). */
final class Fixtures {
    static final Path SMALL = Path.of("src/test/resources/small.jsonl");

    private Fixtures() {
    }

    static List<Statement> small() {
        return StatementReader.readAll(List.of(SMALL));
    }

    static TrainConfig quickConfig() {
        return TrainConfig.defaults().withFolds(0);
    }
}

package dev.stance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies of the test statement files with labels removed, for commands that must cope with unlabelled data. */
final class LabelRemoval {
    static final Path HELDOUT = Path.of("src/test/resources/heldout.jsonl").toAbsolutePath();

    private LabelRemoval() {
    }

    /** {@code heldout.jsonl} without the labels of {@code tasks} ("stance", "openness"), written to dir/name. */
    static Path heldoutWithout(Path dir, String name, String... tasks) throws IOException {
        List<String> lines = Files.readAllLines(HELDOUT).stream().map(l -> {
            String out = l;
            for (String t : tasks) {
                out = out.replaceAll(", \"" + t + "\": \"[a-z]+\"", "");
            }
            return out;
        }).toList();
        return Files.write(dir.resolve(name), lines);
    }
}

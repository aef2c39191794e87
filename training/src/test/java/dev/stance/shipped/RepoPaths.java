package dev.stance.shipped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates what the repository ships (corpus, samples, models) from the tests' working directory. */
final class RepoPaths {
    private RepoPaths() {
    }

    static Path root() {
        String p = System.getProperty("stance.repo.root");
        return p != null ? Path.of(p) : Path.of("..").toAbsolutePath().normalize();
    }

    static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> s = Files.list(root().resolve("datasets/statements"))) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }
}

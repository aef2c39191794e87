package dev.stance.benchmark;

import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.model.Checksums;
import dev.stance.model.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a benchmark whose data a model was trained on: a benchmark file with the same SHA-256 as one of the
 * model's training files, or any benchmark statement whose text (case- and space-normalised) appears in a
 * training file that is still on disk.
 */
public final class OverlapCheck {
    private OverlapCheck() {
    }

    /** Problems found; empty when the benchmark data is clean for this model. */
    public static List<String> problems(Manifest m, List<Path> benchmarkFiles, List<Statement> benchmark)
            throws IOException {
        List<String> out = new ArrayList<>();
        if (m.trainingData() == null) {
            return out;
        }
        Set<String> benchHashes = new HashSet<>();
        for (Path f : benchmarkFiles) {
            benchHashes.add(Checksums.sha256(f));
        }
        Set<String> benchTexts = new HashSet<>();
        benchmark.forEach(s -> benchTexts.add(normalize(s.text())));
        for (Manifest.DataFile f : m.trainingData()) {
            if (benchHashes.contains(f.sha256())) {
                out.add(m.id() + " was trained on " + f.path() + ", which is also benchmark data");
                continue;
            }
            Path p = Path.of(f.path());
            if (!Files.isRegularFile(p)) {
                continue;
            }
            // Only the records the trainer read count: train split (or none). Dev/test records are held out.
            int shared = 0;
            for (Statement s : StatementReader.read(p).statements()) {
                boolean trained = s.split() == null || s.split().equals("train");
                if (trained && benchTexts.contains(normalize(s.text()))) {
                    shared++;
                }
            }
            if (shared > 0) {
                out.add(m.id() + " was trained on " + shared + " statement(s) of the benchmark data (in " + f.path() + ")");
            }
        }
        return out;
    }

    static String normalize(String t) {
        return t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}

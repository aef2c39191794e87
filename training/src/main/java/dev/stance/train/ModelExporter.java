package dev.stance.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stance.model.Checksums;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a model folder atomically: weights and manifest go to a hidden temporary folder beside the target,
 * which is renamed to {@code <name>-v<N>} only when complete. A crash leaves no half-written model.
 */
public final class ModelExporter {
    private static final Pattern VERSION = Pattern.compile("-v(\\d+)$");

    /** Writes the weight files into the (temporary) folder and returns task → file name. */
    @FunctionalInterface
    public interface WeightWriter {
        Map<String, String> write(Path dir) throws IOException;
    }

    /** Everything about a model the manifest records besides its files. */
    public record Description(String family, Map<String, List<String>> tasks, JsonNode features,
                              Map<String, Object> hyperparameters, List<Manifest.DataFile> trainingData,
                              JsonNode metrics, Map<String, Double> temperature) {
    }

    private ModelExporter() {
    }

    /** Every task's label set in canonical order, as manifests record it. */
    public static Map<String, List<String>> taskLabels() {
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        for (dev.stance.data.Task t : dev.stance.data.Task.values()) {
            tasks.put(t.key(), t.labels());
        }
        return tasks;
    }

    /** A manifest for a model still in memory (dev measurement and calibration before export). */
    public static Manifest inTraining(String name, String family, JsonNode features, Map<String, Double> temperature) {
        return new Manifest(Manifest.SCHEMA_VERSION, name + "-in-training", name, null, family, taskLabels(), null,
                features, null, null, null, temperature, null, null, null, Map.of());
    }

    /** The next free version of {@code name} in {@code root}: v1, v2, ... */
    public static String nextVersion(Path root, String name) throws IOException {
        int max = 0;
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.list(root)) {
                for (Path p : s.toList()) {
                    String f = p.getFileName().toString();
                    if (f.startsWith(name + "-v")) {
                        Matcher m = VERSION.matcher(f);
                        if (m.find() && f.equals(name + "-v" + m.group(1))) {
                            max = Math.max(max, Integer.parseInt(m.group(1)));
                        }
                    }
                }
            }
        }
        return "v" + (max + 1);
    }

    /** Exports to {@code root/<name>-<next version>} and returns that folder. */
    public static Path export(Path root, String name, Description d, WeightWriter weights) throws IOException {
        Files.createDirectories(root);
        String version = nextVersion(root, name);
        String id = name + "-" + version;
        Path target = root.resolve(id);
        Path temp = Files.createTempDirectory(root, "." + id + ".");
        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Temporary folders are private; a published model is readable like any other file.
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try {
            Map<String, String> weightFiles = weights.write(temp);
            Map<String, String> files = new LinkedHashMap<>();
            try (Stream<Path> s = Files.list(temp)) {
                for (Path f : s.sorted().toList()) {
                    files.put(f.getFileName().toString(), Checksums.sha256(f));
                }
            }
            Manifest m = new Manifest(Manifest.SCHEMA_VERSION, id, name, version, d.family(), d.tasks(),
                    weightFiles, d.features(), d.hyperparameters(), d.trainingData(), d.metrics(),
                    d.temperature(), BuildInfo.libraries(), BuildInfo.gitCommit(),
                    OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), files);
            Json.MAPPER.writeValue(temp.resolve(ModelDirectory.MANIFEST).toFile(), m);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            return target;
        } catch (FileAlreadyExistsException e) {
            throw new IOException("model " + id + " already exists in " + root, e);
        } finally {
            deleteRecursively(temp);
        }
    }

    /** Writes one Tribuo protobuf file per task ({@code stance.tribuo}, {@code openness.tribuo}). */
    public static WeightWriter tribuoHeads(Map<dev.stance.data.Task, org.tribuo.Model<org.tribuo.classification.Label>> heads) {
        return tmp -> {
            Map<String, String> w = new LinkedHashMap<>();
            for (var e : heads.entrySet()) {
                String file = e.getKey().key() + ".tribuo";
                e.getValue().serializeToFile(tmp.resolve(file));
                w.put(e.getKey().key(), file);
            }
            return w;
        };
    }

    /** Describes the training files by path, SHA-256 and record count. */
    public static List<Manifest.DataFile> dataFiles(List<Path> files) throws IOException {
        List<Manifest.DataFile> out = new ArrayList<>();
        for (Path f : files) {
            long n;
            try (Stream<String> lines = Files.lines(f)) {
                n = lines.filter(l -> !l.isBlank()).count();
            }
            out.add(new Manifest.DataFile(f.toString(), Checksums.sha256(f), (int) n));
        }
        return out;
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}

package dev.stance.spark;

import dev.stance.cli.ScoreCommand;
import dev.stance.lang.LanguageIdentifier;
import dev.stance.model.Manifest;
import dev.stance.model.ModelDirectory;
import dev.stance.model.ModelLoadException;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;

/**
 * The model a job scores with, as the driver resolved it: its folder (absolute, and as given when relative),
 * the id its manifest gives and the manifest's SHA-256 (which lists every weight file's). Executors find the folder at the same absolute path (local mode, shared file
 * systems), else at the relative path or under its folder name in their working directory, or among the job's
 * files ({@code spark-submit --archives model.tgz#<name>} or
 * {@code --files}), and refuse a folder whose manifest differs from the driver's.
 *
 * <p>One model per executor JVM: {@link #load()} loads it once, with every weight file checked against the
 * manifest's SHA-256, and the tasks running in that JVM share it ({@link StanceModel#predict} is thread-safe).
 */
record ShippedModel(String dir, String relative, String id, String manifestSha256) implements Serializable {
    private static final Map<ShippedModel, StanceModel> LOADED = new ConcurrentHashMap<>();

    /** Resolves {@code idOrDir} on the driver ({@code null} or "default": the store's default) and verifies it. */
    static ShippedModel resolve(String idOrDir) {
        Path resolved = ModelStore.local().resolve(idOrDir);
        Path dir = resolved.toAbsolutePath().normalize();
        Manifest m = ModelDirectory.verify(dir);
        return new ShippedModel(dir.toString(), resolved.isAbsolute() ? null : resolved.toString(), m.id(),
                ModelStore.manifestSha256(dir));
    }

    /** The short manifest hash written with every sentence ({@code model_sha256}), as {@code score} writes it. */
    String shortSha256() {
        return ScoreCommand.shortSha(manifestSha256);
    }

    /** This JVM's instance of the model, loaded and verified on first use. */
    StanceModel load() {
        return LOADED.computeIfAbsent(this, s -> {
            LanguageIdentifier.preloadInBackground(); // overlaps with loading the model, as in score
            Path dir = s.locate();
            if (!ModelStore.manifestSha256(dir).equals(s.manifestSha256)) {
                throw new ModelLoadException("executor found another " + ModelDirectory.MANIFEST + " in " + dir
                        + " than the driver's for model " + s.id + "; ship the same model folder the driver uses");
            }
            return ModelStore.load(dir); // verifies every weight file against the manifest's SHA-256
        });
    }

    private Path locate() {
        Path asGiven = Path.of(dir);
        if (Files.isRegularFile(asGiven.resolve(ModelDirectory.MANIFEST))) {
            return asGiven;
        }
        if (relative != null && Files.isRegularFile(Path.of(relative).resolve(ModelDirectory.MANIFEST))) {
            return Path.of(relative).toAbsolutePath(); // an archive unpacked in this executor's working directory
        }
        String name = asGiven.getFileName().toString();
        Path inWorkDir = Path.of(name).toAbsolutePath();
        if (Files.isRegularFile(inWorkDir.resolve(ModelDirectory.MANIFEST))) {
            return inWorkDir;
        }
        Path inFiles = Path.of(SparkFiles.get(name));
        if (Files.isRegularFile(inFiles.resolve(ModelDirectory.MANIFEST))) {
            return inFiles;
        }
        throw new ModelLoadException("model " + id + " is not on this executor: looked in " + asGiven + ", "
                + inWorkDir + " and " + inFiles + " (ship it with spark-submit --archives <model>.tgz#" + name + ")");
    }
}

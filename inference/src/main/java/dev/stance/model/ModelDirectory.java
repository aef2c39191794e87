package dev.stance.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and verifies an exported model folder: {@code manifest.json} plus the weight files it lists.
 *
 * <p>Verification happens before any weight file is parsed: the schema version must be one this build knows
 * and every listed file must exist with the recorded SHA-256. A mismatch is refused with a message naming the
 * file, because a silently altered model gives silently different labels.
 */
public final class ModelDirectory {
    public static final String MANIFEST = "manifest.json";

    private ModelDirectory() {
    }

    /** Reads the manifest without checking weights (for listings). */
    public static Manifest readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("no " + MANIFEST + " in " + dir + ": not a model folder");
        }
        Manifest m;
        try {
            m = Json.MAPPER.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new ModelLoadException("cannot parse " + file + ": " + e.getMessage(), e);
        }
        if (m.schemaVersion() != Manifest.SCHEMA_VERSION) {
            throw new ModelLoadException("model " + dir.getFileName() + " has manifest schema version "
                    + m.schemaVersion() + "; this build reads version " + Manifest.SCHEMA_VERSION
                    + " only. Re-export the model with this build.");
        }
        if (m.family() == null || m.tasks() == null || m.files() == null || m.id() == null) {
            throw new ModelLoadException(file + " lacks one of the required fields id, family, tasks, files");
        }
        return m;
    }

    /** Reads the manifest and verifies every weight file's checksum. */
    public static Manifest verify(Path dir) {
        Manifest m = readManifest(dir);
        if (m.weights() != null) {
            for (String w : m.weights().values()) {
                if (!m.files().containsKey(w)) {
                    throw new ModelLoadException("weight file " + w + " of model " + m.id()
                            + " has no checksum in the manifest");
                }
            }
        }
        for (Map.Entry<String, String> e : m.files().entrySet()) {
            Path f = dir.resolve(e.getKey()).normalize();
            if (!f.startsWith(dir.normalize())) {
                throw new ModelLoadException("manifest of " + m.id() + " names a file outside the model folder: "
                        + e.getKey());
            }
            if (!Files.isRegularFile(f)) {
                throw new ModelLoadException("model " + m.id() + " is incomplete: " + e.getKey() + " is missing");
            }
            if (Files.isSymbolicLink(f) || !insideRealFolder(dir, f)) {
                throw new ModelLoadException("model " + m.id() + ": " + e.getKey() + " is a symbolic link or leads"
                        + " outside the model folder; model files must be regular files in it");
            }
            String actual;
            try {
                actual = Checksums.sha256(f);
            } catch (IOException ex) {
                throw new ModelLoadException("cannot read " + f + ": " + ex.getMessage(), ex);
            }
            if (!actual.equals(e.getValue())) {
                throw new ModelLoadException("checksum mismatch for " + e.getKey() + " in model " + m.id()
                        + ": manifest says " + e.getValue() + ", file has " + actual
                        + ". The file was changed after export; refusing to load it.");
            }
        }
        return m;
    }

    private static boolean insideRealFolder(Path dir, Path f) {
        try {
            return f.toRealPath().startsWith(dir.toRealPath());
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * The weight file a family opens under {@code key} of the manifest's {@code weights}: only a file the
     * manifest lists (and {@link #verify} checked) is ever opened, so a model whose manifest leaves a file out
     * is refused instead of loading it unchecked.
     *
     * @param manifest a manifest that {@link #verify} accepted for {@code dir}
     */
    public static Path weightFile(Path dir, Manifest manifest, String key) {
        String name = manifest.weights() == null ? null : manifest.weights().get(key);
        if (name == null || !manifest.files().containsKey(name)) {
            throw new ModelLoadException("model " + manifest.id() + " lists no checksummed weight file '" + key
                    + "' in its manifest; refusing to load files it does not list");
        }
        return dir.resolve(name);
    }
}

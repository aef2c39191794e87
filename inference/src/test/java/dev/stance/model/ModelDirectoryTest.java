package dev.stance.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {
    @TempDir
    Path dir;

    private void writeManifest(int schema, Map<String, String> files) throws Exception {
        Manifest m = new Manifest(schema, "m-v1", "m", "v1", "ngram-tribuo", Map.of("stance", List.of("a")),
                Map.of("stance", "w.bin"), null, null, null, null, null, null, null, null, files);
        Json.MAPPER.writeValue(dir.resolve(ModelDirectory.MANIFEST).toFile(), m);
    }

    @BeforeEach
    void weights() throws Exception {
        Files.writeString(dir.resolve("w.bin"), "weights", StandardCharsets.UTF_8);
    }

    @Test
    void acceptsMatchingChecksums() throws Exception {
        writeManifest(Manifest.SCHEMA_VERSION, Map.of("w.bin", Checksums.sha256(dir.resolve("w.bin"))));
        assertEquals("m-v1", ModelDirectory.verify(dir).id());
    }

    @Test
    void refusesATamperedWeightFile() throws Exception {
        writeManifest(Manifest.SCHEMA_VERSION, Map.of("w.bin", Checksums.sha256(dir.resolve("w.bin"))));
        Files.writeString(dir.resolve("w.bin"), "weightz", StandardCharsets.UTF_8);
        var e = assertThrows(ModelLoadException.class, () -> ModelDirectory.verify(dir));
        assertTrue(e.getMessage().contains("checksum mismatch for w.bin"), e.getMessage());
    }

    @Test
    void refusesAMissingWeightFile() throws Exception {
        writeManifest(Manifest.SCHEMA_VERSION, Map.of("w.bin", Checksums.sha256(dir.resolve("w.bin"))));
        Files.delete(dir.resolve("w.bin"));
        var e = assertThrows(ModelLoadException.class, () -> ModelDirectory.verify(dir));
        assertTrue(e.getMessage().contains("w.bin is missing"), e.getMessage());
    }

    @Test
    void refusesAWeightFileWithoutChecksum() throws Exception {
        writeManifest(Manifest.SCHEMA_VERSION, Map.of());
        var e = assertThrows(ModelLoadException.class, () -> ModelDirectory.verify(dir));
        assertTrue(e.getMessage().contains("no checksum"), e.getMessage());
    }

    @Test
    void refusesAnUnknownSchemaVersion() throws Exception {
        writeManifest(Manifest.SCHEMA_VERSION + 1, Map.of("w.bin", Checksums.sha256(dir.resolve("w.bin"))));
        var e = assertThrows(ModelLoadException.class, () -> ModelDirectory.verify(dir));
        assertTrue(e.getMessage().contains("schema version " + (Manifest.SCHEMA_VERSION + 1)), e.getMessage());
    }

    @Test
    void refusesPathsOutsideTheModelFolder() throws Exception {
        writeManifest(Manifest.SCHEMA_VERSION, Map.of("w.bin", Checksums.sha256(dir.resolve("w.bin")),
                "../escape", "00"));
        assertThrows(ModelLoadException.class, () -> ModelDirectory.verify(dir));
    }

    @Test
    void storeResolvesDefaultAndReportsUnknownIds() throws Exception {
        Path root = dir.resolve("models");
        Files.createDirectories(root.resolve("m-v1"));
        Files.copy(dir.resolve("w.bin"), root.resolve("m-v1/w.bin"));
        Files.writeString(root.resolve(ModelStore.DEFAULT_FILE), "m-v1\n");
        ModelStore store = new ModelStore(root);
        Files.writeString(root.resolve("m-v1/manifest.json"), "{}");
        assertEquals(root.resolve("m-v1"), store.resolve("default"));
        assertEquals(root.resolve("m-v1"), store.resolve(null));
        var e = assertThrows(ModelLoadException.class, () -> store.resolve("nope-v9"));
        assertTrue(e.getMessage().contains("nope-v9"));
    }

    @Test
    void refusesAWeightFileThatIsASymbolicLinkOrLeadsOutOfTheFolder() throws Exception {
        Path outside = Files.writeString(dir.resolveSibling(dir.getFileName() + "-outside.bin"), "weights");
        try {
            Files.delete(dir.resolve("w.bin"));
            Files.createSymbolicLink(dir.resolve("w.bin"), outside);
            writeManifest(Manifest.SCHEMA_VERSION, Map.of("w.bin", Checksums.sha256(outside)));
            var e = assertThrows(ModelLoadException.class, () -> ModelDirectory.verify(dir));
            assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aFamilyOpensOnlyWeightFilesTheManifestListsWithAChecksum() throws Exception {
        writeManifest(Manifest.SCHEMA_VERSION, Map.of("w.bin", Checksums.sha256(dir.resolve("w.bin"))));
        Manifest m = ModelDirectory.verify(dir);
        assertEquals(dir.resolve("w.bin"), ModelDirectory.weightFile(dir, m, "stance"));
        var e = assertThrows(ModelLoadException.class, () -> ModelDirectory.weightFile(dir, m, "graph"));
        assertTrue(e.getMessage().contains("lists no checksummed weight file 'graph'"), e.getMessage());
    }

    @Test
    void anIdResolvesOnlyInTheStoreAndAPathNeedsASeparator() throws Exception {
        Path root = dir.resolve("models");
        Files.createDirectories(root.resolve("m-v1"));
        Files.writeString(root.resolve("m-v1/manifest.json"), "{}");
        ModelStore store = new ModelStore(root);
        // a same-named folder in the working directory must not stand in for the stored version
        String id = "m-v1-" + ProcessHandle.current().pid();
        Path inCwd = Files.createDirectories(Path.of(id));
        try {
            Files.writeString(inCwd.resolve("manifest.json"), "{}");
            var e = assertThrows(ModelLoadException.class, () -> store.resolve(id));
            assertTrue(e.getMessage().contains("no model '" + id + "' in"), e.getMessage());
            assertEquals(Path.of("./" + id), store.resolve("./" + id));
        } finally {
            Files.delete(inCwd.resolve("manifest.json"));
            Files.delete(inCwd);
        }
        assertEquals(root.resolve("m-v1"), store.resolve("m-v1"));
        assertThrows(ModelLoadException.class, () -> store.resolve(".."));
        assertThrows(ModelLoadException.class, () -> store.resolve(dir.resolve("models/nothing").toString()));
    }
}

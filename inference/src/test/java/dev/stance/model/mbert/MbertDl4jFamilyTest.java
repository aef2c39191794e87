package dev.stance.model.mbert;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.model.Json;
import dev.stance.model.ModelDirectory;
import dev.stance.model.ModelLoadException;
import dev.stance.model.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MbertDl4jFamilyTest {
    private static final Path SHIPPED = Path.of("../models/mbert-dl4j-v5");

    @TempDir
    Path dir;

    @Test
    void aHeadFileTheManifestDoesNotListIsNeverLoaded() throws Exception {
        for (String f : new String[] {"head.json", "head.params", ModelDirectory.MANIFEST}) {
            Files.copy(SHIPPED.resolve(f), dir.resolve(f));
        }
        ObjectNode m = (ObjectNode) Json.MAPPER.readTree(dir.resolve(ModelDirectory.MANIFEST).toFile());
        ((ObjectNode) m.get("files")).remove("head.params");
        ((ObjectNode) m.get("weights")).remove("params");
        Json.MAPPER.writeValue(dir.resolve(ModelDirectory.MANIFEST).toFile(), m);
        Files.write(dir.resolve("head.params"), new byte[] {1, 2, 3}); // an edited, unchecked head
        var e = assertThrows(ModelLoadException.class, () -> ModelStore.load(dir));
        assertTrue(e.getMessage().contains("lists no checksummed weight file 'params'"), e.getMessage());
    }
}

package dev.stance.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderAssetsTest {
    @TempDir
    Path root;

    private final AtomicInteger unpacks = new AtomicInteger();

    private Path ensure() {
        return EncoderAssets.ensure(root.resolve("model"), tmp -> {
            unpacks.incrementAndGet();
            Files.createDirectories(tmp.resolve("variables"));
            Files.writeString(tmp.resolve("saved_model.pb"), "graph");
            Files.writeString(tmp.resolve("variables/data"), "weights");
        });
    }

    @Test
    void unpacksOnceAndReusesAVerifiedCache() throws Exception {
        Path dir = ensure();
        assertEquals(1, unpacks.get());
        assertNull(EncoderAssets.check(dir));
        ensure();
        assertEquals(1, unpacks.get());
    }

    @Test
    void rebuildsACorruptOrIncompleteCache() throws Exception {
        Path dir = ensure();
        Files.writeString(dir.resolve("variables/data"), "weightz");
        assertTrue(EncoderAssets.check(dir).contains("checksum"));
        ensure();
        assertEquals(2, unpacks.get());
        Files.delete(dir.resolve("saved_model.pb"));
        assertTrue(EncoderAssets.check(dir).contains("missing"));
        ensure();
        assertEquals(3, unpacks.get());
        assertEquals("weights", Files.readString(dir.resolve("variables/data")));
    }

    @Test
    void anInterruptedUnpackLeavesNoCache() throws Exception {
        try {
            EncoderAssets.ensure(root.resolve("model"), tmp -> {
                Files.writeString(tmp.resolve("saved_model.pb"), "partial");
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.UncheckedIOException expected) {
            // reported to the caller
        }
        assertTrue(Files.notExists(root.resolve("model")));
        try (var s = Files.list(root)) {
            assertEquals(0, s.count(), "temporary folder removed");
        }
    }
}

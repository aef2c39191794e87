package dev.stance.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void aSecondWriterOfTheSameFileIsRefusedUntilTheFirstCloses() throws Exception {
        Path target = dir.resolve("out.jsonl");
        try (AtomicOutput first = AtomicOutput.toFile(target)) {
            var e = assertThrows(AtomicOutput.UnwritableException.class, () -> AtomicOutput.toFile(target));
            assertTrue(e.getMessage().contains("another run is writing"), e.getMessage());
            first.writer().write("x\n");
            first.commit();
        }
        try (AtomicOutput again = AtomicOutput.toFile(target)) {
            again.commit();
        }
        assertEquals("", Files.readString(target));
    }

    @Test
    void aFolderOrAFileAsParentIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.jsonl"));
        var e = assertThrows(AtomicOutput.UnwritableException.class, () -> AtomicOutput.toFile(folder));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        Path file = Files.writeString(dir.resolve("file"), "x");
        e = assertThrows(AtomicOutput.UnwritableException.class, () -> AtomicOutput.toFile(file.resolve("out.jsonl")));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }

    @Test
    void partialFilesOfAKilledRunAreRemovedAndOnlyThose() throws Exception {
        Path target = dir.resolve("out.jsonl");
        Path orphan = Files.writeString(dir.resolve(".out.jsonl.8123456789.partial"), "half");
        Path other = Files.writeString(dir.resolve(".other.jsonl.8123456789.partial"), "not ours");
        Path lookalike = Files.writeString(dir.resolve(".out.jsonl.notes.partial"), "not ours either");
        try (AtomicOutput o = AtomicOutput.toFile(target)) {
            assertFalse(Files.exists(orphan));
            assertTrue(Files.exists(other) && Files.exists(lookalike));
            o.commit();
        }
    }

    @Test
    void outputFollowsTheUmaskInsteadOfOwnerOnly() throws Exception {
        Path target = dir.resolve("out.jsonl");
        try (AtomicOutput o = AtomicOutput.toFile(target)) {
            o.commit();
        }
        // a plain new file shows what the umask allows; the output must get the same, not forced 0600
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        assertEquals(plain, Files.getPosixFilePermissions(target));
    }

    @Test
    void aReadOnlyFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(ro), "permissions do not bind this user (root)");
            var e = assertThrows(AtomicOutput.UnwritableException.class,
                    () -> AtomicOutput.toFile(ro.resolve("out.jsonl")));
            assertTrue(e.getMessage().startsWith("cannot write in the folder of"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}

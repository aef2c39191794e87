package dev.stance.score;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output that is either stdout (streamed) or a file that appears only complete: lines go to a temporary
 * file beside the target, synced to disk and renamed over it on {@link #commit()}. A crash leaves the old
 * target untouched.
 */
public final class AtomicOutput implements Closeable {
    private final Path target;
    private final Path temp;
    private final Writer writer;
    private final FileOutputStream file;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, Writer writer, FileOutputStream file) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
        this.file = file;
    }

    public static AtomicOutput toFile(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
        FileOutputStream fos = new FileOutputStream(temp.toFile());
        Writer w = new BufferedWriter(new OutputStreamWriter(fos, StandardCharsets.UTF_8));
        return new AtomicOutput(target, temp, w, fos);
    }

    public static AtomicOutput toStream(OutputStream out) {
        return new AtomicOutput(null, null, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                null);
    }

    /** True when this output is a file (lines are kept for an atomic rename), false for a stream. */
    public boolean isFile() {
        return temp != null;
    }

    public Writer writer() {
        return writer;
    }

    public void commit() throws IOException {
        writer.flush();
        if (temp != null) {
            file.getFD().sync(); // the data is on disk before the rename makes it visible
            writer.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (temp == null) {
            writer.flush();
            return;
        }
        if (!committed) {
            writer.close();
            Files.deleteIfExists(temp);
        }
    }
}

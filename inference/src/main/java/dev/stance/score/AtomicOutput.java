package dev.stance.score;

import java.io.BufferedWriter;
import java.io.Closeable;
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
 * file beside the target, renamed over it on {@link #commit()}. A crash leaves the old target untouched.
 */
public final class AtomicOutput implements Closeable {
    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, Writer writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    public static AtomicOutput toFile(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8));
        return new AtomicOutput(target, temp, w);
    }

    public static AtomicOutput toStream(OutputStream out) {
        return new AtomicOutput(null, null, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    public Writer writer() {
        return writer;
    }

    public void commit() throws IOException {
        writer.flush();
        if (temp != null) {
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

package dev.stance.score;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * An output that is either stdout (streamed) or a file that appears only complete: lines go to a temporary
 * file beside the target, synced to disk and renamed over it on {@link #commit()}. A crash leaves the old
 * target untouched.
 *
 * <p>A file output is checked and claimed when it is opened, before any work: the target must not be a
 * folder, its folder must be writable, and no other run may be writing it. The claim is an OS lock on
 * {@code .NAME.lock} beside the target (the empty file stays; the lock dies with its process, so a killed run
 * never leaves a stale claim). Holding it, the temporary files {@code .NAME.*.partial} that a killed run left
 * behind are deleted: with the lock held no live run can own one. Files are created with the default
 * permissions, so the user's umask applies.
 */
public final class AtomicOutput implements Closeable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private final Writer writer;
    private final FileChannel file;
    private final FileChannel lockFile;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, Writer writer, FileChannel file, FileChannel lockFile) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
        this.file = file;
        this.lockFile = lockFile;
    }

    /** A destination that cannot be written: a usage error, reported before any work is done. */
    public static final class UnwritableException extends IllegalArgumentException {
        UnwritableException(String message) {
            super(message);
        }
    }

    /**
     * Claims {@code target} and opens its temporary file.
     *
     * @throws UnwritableException when the target is a folder, its parent is not a folder or not writable, or
     *                             another run is writing it
     */
    public static AtomicOutput toFile(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new UnwritableException("cannot write " + target + ": it is a folder");
        }
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UnwritableException("cannot write " + target + ": " + e.getFile() + " is not a folder");
        } catch (IOException e) {
            throw new UnwritableException("cannot create the folder of " + target + ": " + reason(e));
        }
        String name = target.getFileName().toString();
        FileChannel lock = claim(dir.resolve("." + name + ".lock"), target);
        try {
            removeOrphans(dir, name);
            Path temp = null;
            FileChannel ch = null;
            for (int tries = 0; ch == null; tries++) {
                temp = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong()) + ".partial");
                try {
                    ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (tries > 10) {
                        throw e;
                    }
                }
            }
            Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8));
            return new AtomicOutput(target, temp, w, ch, lock);
        } catch (IOException e) {
            lock.close();
            throw new UnwritableException("cannot write in the folder of " + target + ": " + reason(e));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Takes the lock beside {@code target}, or refuses when another run (or this one) holds it. */
    private static FileChannel claim(Path lockPath, Path target) {
        FileChannel ch;
        try {
            ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UnwritableException("cannot write in the folder of " + target + ": " + reason(e));
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process: the same file named twice
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UnwritableException("cannot lock " + lockPath + ": " + reason(e));
        }
        if (lock == null) {
            closeQuietly(ch);
            throw new UnwritableException("another run is writing " + target + " (it holds " + lockPath
                    + "); wait for it to finish or choose another output file");
        }
        return ch;
    }

    /** Deletes temporary files of {@code name} left by killed runs; only called while holding its lock. */
    private static void removeOrphans(Path dir, String name) throws IOException {
        Pattern ours = Pattern.compile(Pattern.quote("." + name + ".") + "[0-9]+\\.partial");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + escapeGlob(name) + ".*.partial")) {
            for (Path p : ds) {
                if (ours.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** An I/O failure in words: an access-denied exception's message is only the file name. */
    private static String reason(IOException e) {
        return e instanceof AccessDeniedException a ? a.getFile() + ": permission denied" : e.getMessage();
    }

    private static String escapeGlob(String s) {
        return s.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // only releasing; nothing was written
        }
    }

    public static AtomicOutput toStream(OutputStream out) {
        return new AtomicOutput(null, null, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                null, null);
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
            file.force(true); // the data is on disk before the rename makes it visible
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
        try {
            if (!committed) {
                writer.close();
                Files.deleteIfExists(temp);
            }
        } finally {
            lockFile.close(); // releases the lock
        }
    }
}

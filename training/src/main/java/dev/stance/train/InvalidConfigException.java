package dev.stance.train;

import java.nio.file.Path;

/**
 * A {@code --config} file that cannot be used: missing, not JSON, an unknown key, or a value of the wrong type
 * or out of range. The message is one line naming the file, the key and what the key allows; the CLI prints
 * it and exits with the usage code.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private final transient Path file;

    InvalidConfigException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The config file at fault. */
    public Path file() {
        return file;
    }
}

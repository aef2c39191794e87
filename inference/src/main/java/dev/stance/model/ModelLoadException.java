package dev.stance.model;

/** A model folder that cannot be used: missing, tampered with, or of an unknown format. */
public class ModelLoadException extends RuntimeException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.stance.model;

import java.nio.file.Path;

/**
 * A kind of model (n-gram linear, transformer head, ...) that knows how to load its exported folder.
 * Families register through {@link java.util.ServiceLoader}, so a new family plugs in without touching the
 * loader.
 */
public interface ModelFamily {
    /** The name written in the manifest's {@code family} field. */
    String name();

    /** Builds a model from a folder whose manifest and checksums were already verified. */
    StanceModel load(Path dir, Manifest manifest);
}

package dev.stance.data;

/** A problem with one input line, located by file and 1-based line number. */
public record RecordError(String file, long line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}

package dev.stance.corpus;

/** One validation finding, located by file and line. Errors fail validation; warnings are reported only. */
public record Finding(Severity severity, String file, long line, String message) {
    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        return file + ":" + line + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}

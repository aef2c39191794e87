package dev.stance.statements;

import java.util.Locale;

/** Whether a sentence quotes someone, reports what someone said, or is the journalist's own narration. */
public enum StatementKind {
    DIRECT, REPORTED, NARRATION;

    /** The lower-case name used in output. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

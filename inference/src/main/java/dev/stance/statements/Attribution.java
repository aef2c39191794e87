package dev.stance.statements;

/** A sentence's statement kind and its speaker ({@code null} when none was found). */
public record Attribution(StatementKind kind, String speaker) {
    public static final Attribution NARRATION = new Attribution(StatementKind.NARRATION, null);

    public boolean isStatement() {
        return kind != StatementKind.NARRATION;
    }
}

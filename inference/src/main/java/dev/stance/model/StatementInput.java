package dev.stance.model;

/** What a model reads for one statement: the statement and the sentence before it (may be null). */
public record StatementInput(String text, String context) {
}

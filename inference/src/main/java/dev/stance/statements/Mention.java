package dev.stance.statements;

/**
 * A possible speaker in a sentence: tokens [start, end) of the sentence's frame, the display value (a name
 * as resolved so far, or a role phrase), and for a role phrase its lookup key ("ukrainas utenriksminister").
 */
record Mention(int start, int end, String value, Type type, String roleKey) {
    enum Type { NAME, ROLE, PRONOUN }
}

package dev.stance.statements;

/**
 * A possible speaker in a sentence: tokens [start, end) of the sentence's frame, the display value (a name
 * as resolved so far, or a role phrase), and for a role phrase, or a name introduced with one, its
 * {@link RoleKey}. A weak mention is a lone capitalised word that may be an ordinary word (first in a
 * sentence, or any German noun); it counts as a speaker only right next to a verb of saying ("Lavrov said",
 * "sagte Scholz"). An ORG is a named organisation, state or medium.
 */
record Mention(int start, int end, String value, Type type, RoleKey roleKey, boolean weak) {
    enum Type { NAME, ORG, ROLE, PRONOUN }

    Mention(int start, int end, String value, Type type, RoleKey roleKey) {
        this(start, end, value, type, roleKey, false);
    }

    /** Organisations and institution roles ("the ministry"): speakers only when no person is at hand. */
    boolean institution() {
        return type == Type.ORG || (type == Type.ROLE && roleKey != null && roleKey.institution());
    }
}

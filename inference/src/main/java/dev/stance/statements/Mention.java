package dev.stance.statements;

/**
 * A possible speaker in a sentence: tokens [start, end) of the sentence's frame, the display value (a name
 * as resolved so far, or a role phrase), and for a role phrase its lookup key ("ukrainas utenriksminister").
 * A weak mention is a lone capitalised word that may be an ordinary word (first in a sentence, or any German
 * noun); it counts as a speaker only right next to a verb of saying ("Lavrov said", "sagte Scholz").
 */
record Mention(int start, int end, String value, Type type, String roleKey, boolean weak) {
    enum Type { NAME, ROLE, PRONOUN }

    Mention(int start, int end, String value, Type type, String roleKey) {
        this(start, end, value, type, roleKey, false);
    }
}

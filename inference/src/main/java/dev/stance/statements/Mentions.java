package dev.stance.statements;

import java.util.ArrayList;
import java.util.List;

/** Finds names, role phrases and pronouns in a sentence's tokens. */
final class Mentions {
    private Mentions() {
    }

    /**
     * @param sentence the text the tokens' offsets point into; a capitalised word with no letter before it is
     *                 sentence-initial and so only a name if the table knows it
     * @param german   German capitalises every noun, so a lone capitalised word is a name only if known
     * @param table    names seen in the article, or {@code null} while the table itself is being built
     */
    static List<Mention> find(List<Token> t, String sentence, boolean german, NameTable table) {
        List<Mention> out = new ArrayList<>();
        int i = 0;
        int floor = 0;
        while (i < t.size()) {
            Token tok = t.get(i);
            if (!tok.isWord()) {
                i++;
                continue;
            }
            String low = tok.lower();
            if (Cues.PRONOUNS.contains(low) || (german && Cues.PRONOUNS_DE.contains(low))) {
                out.add(new Mention(i, i + 1, low, Mention.Type.PRONOUN, null));
                i++;
                floor = i;
            } else if (Cues.isRole(low)) {
                int q = i;
                List<String> quals = new ArrayList<>();
                while (q > floor && i - q < 3) {
                    Token prev = t.get(q - 1);
                    String pl = prev.lower();
                    if (!prev.isWord()) {
                        break;
                    }
                    if (Cues.DETERMINERS.contains(pl)) {
                        q--;
                        break;
                    }
                    if (!qualifier(prev)) {
                        break;
                    }
                    quals.add(0, pl);
                    q--;
                }
                int j = i + 1;
                while (j < t.size() && nameWord(t.get(j))) {
                    j++;
                }
                quals.add(low);
                String key = String.join(" ", quals);
                String value;
                if (j > i + 1) {
                    value = join(t, i + 1, j);
                    if (table != null) {
                        value = table.resolve(value);
                    }
                } else {
                    String phrase = sentence.substring(t.get(q).start(), tok.start() + tok.text().length());
                    value = table == null ? phrase : table.resolveRole(key, phrase);
                }
                out.add(new Mention(q, j, value, j > i + 1 ? Mention.Type.NAME : Mention.Type.ROLE, key));
                i = j;
                floor = j;
            } else if (tok.capitalised() && !Cues.NOT_NAMES.contains(low)) {
                if (i + 1 < t.size() && Cues.isRole(t.get(i + 1).lower()) && qualifier(tok)) {
                    i++; // "Ukrainas utenriksminister": the role phrase takes this word as qualifier
                    continue;
                }
                int j = i + 1;
                if (!tok.acronym()) {
                    while (j < t.size() && nameWord(t.get(j)) && !t.get(j).acronym()) {
                        j++;
                    }
                    if (j < t.size() && nameWord(t.get(j)) && t.get(j).acronym()) {
                        j++; // an acronym ends a name ("TV-kanalen BFMTV") but never starts one ("NUPI Per Solli")
                    }
                }
                String name = join(t, i, j);
                boolean initial = sentence.substring(0, tok.start()).codePoints().noneMatch(Character::isLetterOrDigit);
                boolean known = table != null && table.knows(name);
                boolean accept = j - i > 1 && !(german && initial && !known)
                        || known || Cues.INSTITUTIONS.contains(low) || tok.acronym()
                        || (!german && !initial);
                if (accept) {
                    out.add(new Mention(i, j, table == null ? name : table.resolve(name), Mention.Type.NAME, null));
                    floor = j;
                } else if (table != null && j - i == 1) {
                    out.add(new Mention(i, j, name, Mention.Type.NAME, null, true));
                }
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean nameWord(Token t) {
        return t.isWord() && t.capitalised() && !Cues.NOT_NAMES.contains(t.lower()) && !Cues.isRole(t.lower());
    }

    /** "tyrkiske", "Ukrainas", "the foreign": words that narrow a role down without being a name. */
    private static boolean qualifier(Token t) {
        String l = t.lower();
        if (Cues.ROLE_QUALIFIERS.contains(l)) {
            return true;
        }
        if (Cues.NOT_NAMES.contains(l) || Cues.SPEECH_VERBS.contains(l) || Cues.BLOCKERS.contains(l)) {
            return false;
        }
        if (t.capitalised() && l.length() > 2 && (l.endsWith("s") || t.acronym())) {
            return true; // genitive: Ukrainas, Russlands, USAs
        }
        return l.endsWith("ske") || l.endsWith("sk") || l.endsWith("ische") || l.endsWith("ischen")
                || l.endsWith("ischer") || l.endsWith("ian");
    }

    static String join(List<Token> t, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                b.append(' ');
            }
            b.append(t.get(k).text());
        }
        return b.toString();
    }
}

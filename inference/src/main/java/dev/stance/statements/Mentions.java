package dev.stance.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds names, role phrases and pronouns in a sentence's tokens. */
final class Mentions {
    private Mentions() {
    }

    /** Words that tie a role to whom it serves: "Vermittler der Afrikanischen Union", "talsperson for Kreml". */
    private static final Set<String> POST_LINKS = Set.of("der", "des", "of", "for", "ved", "von", "av");
    /** "Dmitrij Peskov, som er talsperson for Putin": a relative clause that only gives the role. */
    private static final List<List<String>> COPULAS = List.of(List.of("som", "er"), List.of("som", "var"),
            List.of("who", "is"), List.of("who", "was"));
    /** A post-modifier is one name, or an adjective and its noun ("Vereinten Nationen", "African Union"). */
    private static final int POST_WORDS = 2;

    /**
     * @param sentence the text the tokens' offsets point into; a capitalised word with no letter before it is
     *                 sentence-initial and so only a name if the table knows it
     * @param german   German capitalises every noun, so a lone capitalised word is a name only if known
     * @param table    names seen in the article, or {@code null} while the table itself is being built
     * @param at       the sentence's index in the article, to pick the latest holder of an ambiguous role
     */
    static List<Mention> find(List<Token> t, String sentence, boolean german, NameTable table, int at) {
        List<Mention> out = new ArrayList<>();
        // computed once: asking per capitalised token whether a letter precedes it would rescan the prefix
        int firstLetter = firstLetterOrDigit(sentence);
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
                Mention m = role(t, sentence, i, floor, german, table, at);
                out.add(m);
                i = m.end();
                floor = i;
            } else if (tok.capitalised() && !Cues.NOT_NAMES.contains(low)) {
                if (qualifier(tok) && leadsToRole(t, i + 1)) {
                    i++; // "Ukrainas utenriksminister", "the Swiss foreign ministry": the role phrase takes it
                    continue;
                }
                int j = nameEnd(t, i);
                String name = join(t, i, j);
                boolean initial = tok.start() <= firstLetter;
                boolean known = table != null && table.knows(name);
                boolean org = Organisations.is(t, i, j, german);
                boolean accept = j - i > 1 && !(german && initial && !known)
                        || known || Cues.INSTITUTIONS.contains(low) || tok.acronym()
                        || (!german && !initial);
                if (accept) {
                    String orgName = join(t, Organisations.properStart(t, i, j), j);
                    Mention m = org ? new Mention(i, j, orgName, Mention.Type.ORG, null)
                            : withTrailingRole(t, i, j, table == null ? name : table.resolve(name));
                    out.add(m);
                    floor = m.end();
                    i = m.end();
                    continue;
                } else if (table != null && j - i == 1) {
                    out.add(new Mention(i, j, name, org ? Mention.Type.ORG : Mention.Type.NAME, null, true));
                }
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * A role phrase at role word {@code i}: qualifiers before it, an optional post-modifier, and the person it
     * names, right after ("Nato-sjef Jens Stoltenberg", "Seniorforsker ved NUPI Eva Dahl") or in apposition
     * ("der Vermittler der Afrikanischen Union, Samuel Otieno"). Without a person it stays a role phrase,
     * resolved through the table.
     */
    private static Mention role(List<Token> t, String sentence, int i, int floor, boolean german, NameTable table,
                                int at) {
        Token tok = t.get(i);
        int q = i;
        List<String> before = new ArrayList<>();
        while (q > floor && i - q < 3) {
            Token prev = t.get(q - 1);
            if (!prev.isWord()) {
                break;
            }
            if (Cues.DETERMINERS.contains(prev.lower())) {
                q--;
                break;
            }
            if (!qualifier(prev)) {
                break;
            }
            before.add(0, prev.text());
            q--;
        }
        int j = i + 1;
        while (j < t.size() && nameWord(t.get(j))) {
            j++;
        }
        List<String> after = new ArrayList<>();
        int end = j;
        int nameFrom = i + 1;
        int nameTo = j;
        if (j == i + 1) {
            end = postModifier(t, i + 1, after);
            nameFrom = end < t.size() && t.get(end).text().equals(",") ? end + 1 : end;
            nameTo = personEnd(t, nameFrom, german, table);
        }
        RoleKey key = RoleKey.of(before, tok.text(), after);
        if (nameTo > nameFrom) {
            String name = join(t, nameFrom, nameTo);
            return new Mention(q, nameTo, table == null ? name : table.resolve(name), Mention.Type.NAME, key);
        }
        Token last = t.get(end - 1);
        String phrase = sentence.substring(t.get(q).start(), last.start() + last.text().length());
        String value = table == null ? phrase : table.resolveRole(key, phrase, at);
        return new Mention(q, end, value, Mention.Type.ROLE, key);
    }

    /** "der Afrikanischen Union", "for Kreml", "of the African Union" after a role; names go to {@code words}. */
    private static int postModifier(List<Token> t, int from, List<String> words) {
        if (from >= t.size() || !POST_LINKS.contains(t.get(from).lower())) {
            return from;
        }
        int k = from + 1;
        if (k < t.size() && Cues.DETERMINERS.contains(t.get(k).lower())) {
            k++;
        }
        int s = k;
        while (k < t.size() && k - s < POST_WORDS && nameWord(t.get(k))) {
            k++;
            if (t.get(k - 1).acronym() || !adjectiveLike(t.get(k - 1).lower())) {
                break;
            }
        }
        if (k == s) {
            return from;
        }
        for (int m = s; m < k; m++) {
            words.add(t.get(m).text());
        }
        return k;
    }

    /** End of a person's name at {@code k} (two words, or one the article knows; no organisation), else {@code k}. */
    private static int personEnd(List<Token> t, int k, boolean german, NameTable table) {
        if (k >= t.size() || !nameWord(t.get(k))) {
            return k;
        }
        int e = nameEnd(t, k);
        boolean name = e - k >= 2 || (table != null && table.knows(join(t, k, e)));
        return name && !Organisations.is(t, k, e, german) ? e : k;
    }

    /** A person's name followed by its role: "Sergei Lavrov, Russia's foreign minister," keeps the role as key. */
    private static Mention withTrailingRole(List<Token> t, int i, int j, String value) {
        Mention plain = new Mention(i, j, value, Mention.Type.NAME, null);
        if (j >= t.size() || !t.get(j).text().equals(",")) {
            return plain;
        }
        int k = j + 1;
        for (List<String> c : COPULAS) {
            if (k + 1 < t.size() && t.get(k).lower().equals(c.get(0)) && t.get(k + 1).lower().equals(c.get(1))) {
                k += 2;
                break;
            }
        }
        if (k < t.size() && Cues.DETERMINERS.contains(t.get(k).lower())) {
            k++;
        }
        int r = k;
        List<String> before = new ArrayList<>();
        while (r < t.size() && r - k < 3 && t.get(r).isWord() && !Cues.isRole(t.get(r).lower())
                && qualifier(t.get(r))) {
            before.add(t.get(r).text());
            r++;
        }
        if (r >= t.size() || !t.get(r).isWord() || !Cues.isRole(t.get(r).lower())) {
            return plain;
        }
        List<String> after = new ArrayList<>();
        int end = postModifier(t, r + 1, after);
        RoleKey key = RoleKey.of(before, t.get(r).text(), after);
        return key.institution() ? plain : new Mention(i, end, value, Mention.Type.NAME, key);
    }

    /** A role word at {@code k}, or after one more lower-case qualifier ("Swiss foreign ministry"). */
    private static boolean leadsToRole(List<Token> t, int k) {
        if (k < t.size() && t.get(k).isWord() && !t.get(k).capitalised() && !Cues.isRole(t.get(k).lower())
                && qualifier(t.get(k))) {
            k++;
        }
        return k < t.size() && Cues.isRole(t.get(k).lower());
    }

    /** Capitalised words in a row; an acronym ends a name ("TV-kanalen BFMTV"), never starts one ("NUPI Per Solli"). */
    private static int nameEnd(List<Token> t, int i) {
        int j = i + 1;
        if (!t.get(i).acronym()) {
            while (j < t.size() && nameWord(t.get(j)) && !t.get(j).acronym()) {
                j++;
            }
            if (j < t.size() && nameWord(t.get(j)) && t.get(j).acronym()) {
                j++;
            }
        }
        return j;
    }

    /** Declined adjectives that lead an institution's name: "Afrikanischen", "Vereinten", "African", "russiske". */
    private static boolean adjectiveLike(String w) {
        return w.endsWith("en") || w.endsWith("isch") || w.endsWith("ische") || w.endsWith("ske")
                || w.endsWith("an") || w.endsWith("ese") || w.endsWith("ish");
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

    /** Offset of the first letter or digit in {@code s}, or its length when it has none. */
    static int firstLetterOrDigit(String s) {
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            if (Character.isLetterOrDigit(cp)) {
                return k;
            }
            k += Character.charCount(cp);
        }
        return s.length();
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

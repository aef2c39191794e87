package dev.stance.statements;

import dev.stance.segment.Span;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people an article names, so later short mentions resolve to the full name: "Jens Stoltenberg" makes
 * "Stoltenberg" resolve to it, and "den tyrkiske presidenten Recep Tayyip Erdogan" makes a later "den tyrkiske
 * presidenten" resolve to Erdogan. Built from the whole article before attribution; the first full name given
 * for a short one wins.
 */
final class NameTable {
    private final Map<String, String> byLastWord = new HashMap<>();
    private final Map<String, String> byRole = new HashMap<>();
    /** Single names seen where capitalisation proves them names (not first in a sentence). */
    private final Set<String> seen = new HashSet<>();

    static NameTable of(List<Span> spans, boolean german) {
        NameTable table = new NameTable();
        for (Span s : spans) {
            List<Token> tokens = Token.tokenize(s.text());
            for (Mention m : Mentions.find(tokens, s.text(), german, null)) {
                if (m.type() != Mention.Type.NAME) {
                    continue;
                }
                table.seen.add(m.value());
                int words = m.value().split(" ").length;
                if (words > 1) {
                    String last = m.value().substring(m.value().lastIndexOf(' ') + 1);
                    table.byLastWord.putIfAbsent(last, m.value());
                    table.byLastWord.putIfAbsent(m.value(), m.value());
                }
                if (m.roleKey() != null) {
                    table.byRole.putIfAbsent(m.roleKey(), m.value());
                }
            }
        }
        return table;
    }

    /** The full name for a short one, or the name itself. */
    String resolve(String name) {
        return byLastWord.getOrDefault(name, name);
    }

    /** True for a name given in full somewhere, or the last word of one. */
    boolean knows(String name) {
        return byLastWord.containsKey(name) || seen.contains(name);
    }

    /** The person a role phrase was attached to earlier, else the phrase as written. */
    String resolveRole(String key, String phrase) {
        String name = byRole.get(key);
        return name == null ? phrase : resolve(name);
    }
}

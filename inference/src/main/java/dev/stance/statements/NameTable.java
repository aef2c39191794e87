package dev.stance.statements;

import dev.stance.segment.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people an article names, so later short mentions resolve to the full name: "Jens Stoltenberg" makes
 * "Stoltenberg" resolve to it, and "den tyrkiske presidenten Recep Tayyip Erdogan" or "Sergei Lavrov, Russia's
 * foreign minister," make a later "den tyrkiske presidenten" or "the foreign minister" resolve to the person.
 * Built from the whole article before attribution; the first full name given for a short one wins.
 * Organisations are remembered as seen but never become people.
 */
final class NameTable {
    private final Map<String, String> byLastWord = new HashMap<>();
    private final List<RoleHolder> roles = new ArrayList<>();
    /** Single names seen where capitalisation proves them names (not first in a sentence). */
    private final Set<String> seen = new HashSet<>();

    /** A person introduced with a role in sentence {@code at}. */
    private record RoleHolder(RoleKey key, String name, int at) {
    }

    static NameTable of(List<Span> spans, boolean german) {
        NameTable table = new NameTable();
        for (int at = 0; at < spans.size(); at++) {
            Span s = spans.get(at);
            List<Token> tokens = Token.tokenize(s.text());
            for (Mention m : Mentions.find(tokens, s.text(), german, null, at)) {
                if (m.type() == Mention.Type.ORG) {
                    table.seen.add(m.value());
                }
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
                if (m.roleKey() != null && !m.roleKey().institution()) {
                    table.roles.add(new RoleHolder(m.roleKey(), m.value(), at));
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

    /**
     * The person a bare role phrase refers to: the only one the article introduced with a matching role, else
     * the one introduced latest before sentence {@code at}; the phrase as written when that is still a tie.
     */
    String resolveRole(RoleKey key, String phrase, int at) {
        if (key.institution()) {
            return phrase;
        }
        Set<String> holders = new HashSet<>();
        Set<String> latest = new HashSet<>();
        int latestAt = -1;
        for (RoleHolder h : roles) {
            if (!h.key().covers(key)) {
                continue;
            }
            String name = resolve(h.name());
            holders.add(name);
            if (h.at() <= at && h.at() >= latestAt) {
                if (h.at() > latestAt) {
                    latest.clear();
                    latestAt = h.at();
                }
                latest.add(name);
            }
        }
        if (holders.size() == 1) {
            return holders.iterator().next();
        }
        return latest.size() == 1 ? latest.iterator().next() : phrase;
    }
}

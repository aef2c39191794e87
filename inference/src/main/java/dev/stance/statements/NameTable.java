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
    /**
     * Distinct people one role noun may resolve to: a bare role looks only at holders of its own noun, and an
     * article naming more than this many different people for one noun (no news article does) keeps the
     * first ones, so resolving stays linear in the article's length whatever its content.
     */
    static final int MAX_HOLDERS_PER_ROLE = 64;

    private final Map<String, String> byLastWord = new HashMap<>();
    /** Role noun → each distinct (role, person) introduced with it and the sentences that introduce it. */
    private final Map<String, Map<RoleHolder, List<Integer>>> roles = new HashMap<>();
    /** Single names seen where capitalisation proves them names (not first in a sentence). */
    private final Set<String> seen = new HashSet<>();

    /** A person introduced with a role. */
    private record RoleHolder(RoleKey key, String name) {
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
                    table.addHolder(new RoleHolder(m.roleKey(), m.value()), at);
                }
            }
        }
        return table;
    }

    private void addHolder(RoleHolder h, int at) {
        Map<RoleHolder, List<Integer>> same = roles.computeIfAbsent(h.key().head(), k -> new HashMap<>());
        List<Integer> ats = same.get(h);
        if (ats == null) {
            if (same.size() >= MAX_HOLDERS_PER_ROLE) {
                return;
            }
            ats = new ArrayList<>();
            same.put(h, ats);
        }
        if (ats.isEmpty() || ats.get(ats.size() - 1) != at) {
            ats.add(at); // sentences come in order, so the list stays sorted
        }
    }

    /** Distinct people held for role noun {@code head} (for tests). */
    int holders(String head) {
        return roles.getOrDefault(head, Map.of()).size();
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
        for (Map.Entry<RoleHolder, List<Integer>> e : roles.getOrDefault(key.head(), Map.of()).entrySet()) {
            RoleHolder h = e.getKey();
            if (!h.key().covers(key)) {
                continue;
            }
            String name = resolve(h.name());
            holders.add(name);
            int hAt = latestAtOrBefore(e.getValue(), at);
            if (hAt >= 0 && hAt >= latestAt) {
                if (hAt > latestAt) {
                    latest.clear();
                    latestAt = hAt;
                }
                latest.add(name);
            }
        }
        if (holders.size() == 1) {
            return holders.iterator().next();
        }
        return latest.size() == 1 ? latest.iterator().next() : phrase;
    }

    /** The largest of the sorted {@code ats} that is at most {@code at}, or -1. */
    private static int latestAtOrBefore(List<Integer> ats, int at) {
        int lo = 0;
        int hi = ats.size() - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ats.get(mid) <= at) {
                best = ats.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }
}

package dev.stance.statements;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A role phrase reduced to what identifies its holder: the role noun in base form ("minister", "sjef",
 * "sprecher") and short stems of everything that narrows it down ("uten", "russ", "krem"). Stems make
 * "Russlands utenriksminister", "den russiske utenriksministeren" and "utenriksministerens" comparable, and
 * "Sprecher des Kremls" meet "Kremls talsperson" halfway; a mismatch only leaves the phrase unresolved.
 */
record RoleKey(String head, Set<String> qualifiers) {
    private static final int STEM = 4;
    /** Roles that name an institution, not a person: they never resolve to anyone. */
    private static final Set<String> INSTITUTION_HEADS = Set.of("regierung", "government", "regjeringen",
            "regjeringa", "myndigheter", "myndighetene", "authorities", "ministry", "ministerium", "departement",
            "departementet");

    /**
     * @param before qualifiers in front of the role word ("tyrkiske", "Russia's", "foreign")
     * @param role   the role word itself, possibly a compound ("Utenriksministeren", "Nato-sjef")
     * @param after  names from a post-modifier ("of the African Union", "for Kreml")
     */
    static RoleKey of(List<String> before, String role, List<String> after) {
        String base = baseForm(role.toLowerCase(Locale.ROOT));
        String ending = "";
        for (String e : Cues.ROLE_ENDINGS) {
            if (base.endsWith(e) && e.length() > ending.length()) {
                ending = e; // the longest: "generalsekretær", not "sekretær"
            }
        }
        String head = synonym(baseForm(ending));
        Set<String> quals = new LinkedHashSet<>();
        for (String w : before) {
            quals.add(stem(w));
        }
        String prefix = base.substring(0, base.length() - ending.length());
        if (!prefix.isEmpty()) {
            quals.add(stem(prefix)); // "utenriks"minister, "Nato-"sjef
        }
        for (String w : after) {
            quals.add(stem(w));
        }
        quals.remove("");
        return new RoleKey(head, Set.copyOf(quals));
    }

    /** True when this key, as introduced with a name, is a possible holder of the {@code later} bare role. */
    boolean covers(RoleKey later) {
        return head.equals(later.head) && qualifiers.containsAll(later.qualifiers);
    }

    boolean institution() {
        return INSTITUTION_HEADS.contains(head);
    }

    /** Strips a genitive s and a definite or feminine ending while what is left is still a role word. */
    private static String baseForm(String w) {
        if (w.endsWith("s") && Cues.isRole(w.substring(0, w.length() - 1))) {
            w = w.substring(0, w.length() - 1);
        }
        for (String suffix : List.of("en", "in", "et", "a")) {
            if (w.endsWith(suffix) && Cues.isRole(w.substring(0, w.length() - suffix.length()))) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }

    private static String synonym(String head) {
        if (head.startsWith("spokes") || head.startsWith("tals")) {
            return "spokesperson";
        }
        return head;
    }

    private static String stem(String w) {
        String s = w.toLowerCase(Locale.ROOT).replace("’", "'");
        if (s.endsWith("'s")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s") && s.length() > 3) {
            s = s.substring(0, s.length() - 1); // genitive: Russlands, Natos, USAs
        }
        s = s.replace("-", "");
        return s.length() > STEM ? s.substring(0, STEM) : s;
    }
}

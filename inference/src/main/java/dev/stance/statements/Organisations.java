package dev.stance.statements;

import java.util.List;
import java.util.Set;

/**
 * Tells organisations, states, media and institutions from people among capitalised names. They may still
 * speak ("the Kremlin said"), but lose to a person named in the same speaker phrase and never enter the
 * article's table of people, so "Union" never resolves to "Afrikanischen Union".
 */
final class Organisations {
    private Organisations() {
    }

    /** Single names of states, capitals and agencies that speak for an institution. */
    private static final Set<String> NAMES = Set.of(
            "russland", "russia", "ukraina", "ukraine", "tyrkia", "turkey", "türkei", "usa", "us", "kina", "china",
            "frankrike", "france", "frankreich", "tyskland", "germany", "deutschland", "norge", "noreg", "norway",
            "norwegen", "hviterussland", "belarus", "kviterussland", "weißrussland", "storbritannia", "britain",
            "großbritannien", "sverige", "sweden", "schweden", "finland", "finnland", "polen", "poland", "iran",
            "israel", "europa", "europe", "vesten", "westen", "west", "kreml", "kremlin", "pentagon", "moskva",
            "moskau", "moscow", "kyiv", "kiev", "kiew", "washington", "beijing", "peking", "berlin", "brussel",
            "brüssel", "brussels", "ankara", "paris", "london", "oslo", "reuters", "ntb", "tass", "interfax", "ria",
            "bloomberg", "vg", "nrk", "afp", "ap", "dpa", "bbc", "cnn", "aftenposten", "dagbladet");

    /** Words that make a name an organisation wherever they stand in it ("Vereinten Nationen"). */
    private static final Set<String> WORDS = Set.of("union", "nations", "nationen", "nasjonene", "council",
            "rat", "rådet", "commission", "kommission", "kommisjonen", "parliament", "parlament", "stortinget",
            "bundestag", "duma", "congress", "kongress", "senate", "senat", "house", "haus", "huset", "office",
            "agency", "agentur", "news", "times", "post", "zeitung", "tv", "radio", "presse", "party", "partei",
            "partiet", "bank", "fund", "organisation", "organization", "organisasjon", "army", "armee", "hæren",
            "forsvaret", "police", "polizei", "politiet", "föderation", "federation", "føderasjonen", "republic",
            "republik", "republikk", "kingdom", "königreich", "forces", "streitkräfte");

    /** Word endings of the same kind: compound nouns in the Scandinavian and German way. */
    private static final List<String> SUFFIXES = List.of("ministerium", "ministeriums", "departementet",
            "ministry", "byrå", "byrået", "kanalen", "agentur", "instituttet", "institutt", "institut", "partiet",
            "presidentskapet", "regierung", "regjeringen", "avisen", "avisa", "zeitung");

    /** Common nouns that introduce a medium's own name: "Nyhetsbyrået Reuters", "TV-kanalen BFMTV". */
    private static final List<String> DESCRIPTORS = List.of("byrået", "byrå", "kanalen", "avisen", "avisa",
            "agentur");

    /**
     * Where the proper name starts in an organisation's name: after a leading descriptor, so "Nyhetsbyrået
     * Reuters" and a later "ifølge Reuters" are one speaker.
     */
    static int properStart(List<Token> t, int from, int to) {
        String first = t.get(from).lower();
        return to - from >= 2 && DESCRIPTORS.stream().anyMatch(first::endsWith) ? from + 1 : from;
    }

    /** True when tokens [from, to) name an organisation, state, medium or institution rather than a person. */
    static boolean is(List<Token> t, int from, int to, boolean german) {
        boolean allAcronyms = true;
        for (int k = from; k < to; k++) {
            String w = t.get(k).lower();
            if (WORDS.contains(w) || SUFFIXES.stream().anyMatch(w::endsWith)) {
                return true;
            }
            allAcronyms &= t.get(k).acronym();
        }
        String first = t.get(from).lower();
        if (allAcronyms || (to - from == 1 && (NAMES.contains(first) || NAMES.contains(genitiveStem(first))))) {
            return true;
        }
        return german && inflectedAdjective(t, from, to, first);
    }

    /**
     * German names led by an inflected adjective are institutions ("der Afrikanischen Union", "die Europäische
     * Kommission"): a person's first name does not decline after an article.
     */
    private static boolean inflectedAdjective(List<Token> t, int from, int to, String first) {
        if (first.matches(".*isch(e|en|er|es|em)")) {
            return true;
        }
        boolean afterArticle = from > 0 && Cues.DETERMINERS.contains(t.get(from - 1).lower());
        return afterArticle && to - from >= 2 && first.matches(".*(en|er|es|em|e)");
    }

    private static String genitiveStem(String w) {
        return w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    }
}

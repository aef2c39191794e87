package dev.stance.statements;

import java.util.List;
import java.util.Set;

/**
 * Word lists behind the rules, for Norwegian (Bokmål and Nynorsk), English and German together: news in one
 * language often quotes another, and a misdetected language should not switch the rules off.
 */
final class Cues {
    private Cues() {
    }

    /** Verbs of saying. Perfect forms ("har sagt", "skal ha sagt", "has said") are found from the participle. */
    static final Set<String> SPEECH_VERBS = Set.of(
            // nb / nn
            "sa", "sier", "seier", "sagt", "uttalte", "uttaler", "uttalt", "fortalte", "forteller", "fortalt",
            "mener", "meiner", "meinte", "mente", "understreket", "understreka", "understreker", "opplyser",
            "opplyste", "svart", "advarte", "advarer", "hevder", "hevdet", "svarte", "svarer", "spurte",
            "truet", "truer", "truga", "krevde", "krever", "skrev", "skriver", "lovet", "lover", "lova",
            "gjentok", "gjentar", "gjentek",
            // en
            "said", "says", "told", "tells", "added", "adds", "warned", "warns", "stated", "claimed", "insisted",
            "stressed", "asked", "announced", "threatened", "vowed", "urged", "wrote", "argued", "noted", "reiterated",
            // de
            "sagte", "sagten", "gesagt", "erklärte", "erklärten", "erklärt", "betonte", "betonten", "betont",
            "warnte", "warnten", "kritisierte", "fügte", "sprach", "drohte", "drohten", "forderte", "forderten",
            "versicherte", "bekräftigte", "schrieb");

    /** Two-word verbs of saying: "la til" (added), "la vekt" (på: stressed), "pekte på", "ba om" (asked for). */
    static final Set<String> SPEECH_PAIRS = Set.of("la til", "legger til", "lagt til", "fügte hinzu",
            "la vekt", "legger vekt", "lagt vekt", "pekte på", "pekt på", "ba om", "bedt om");

    /** Passive auxiliaries: "ble bedt om", "was told", "wurde gesagt" make the subject the addressee. */
    static final Set<String> PASSIVE = Set.of("ble", "blir", "blitt", "vart", "vert", "was", "were", "been",
            "wurde", "wurden", "worden");

    /** Words that introduce the source itself: "ifølge Kreml", "laut Kreml". Two-word ones are in SOURCE_PAIRS. */
    static final Set<String> SOURCE_WORDS = Set.of("ifølge", "ifølgje", "iflg", "laut");
    static final Set<String> SOURCE_PAIRS = Set.of("according to", "nach angaben");

    /** German reported speech without a verb of saying: Konjunktiv I forms. */
    static final Set<String> KONJUNKTIV = Set.of("sei", "seien", "habe", "werde", "könne", "müsse", "wolle",
            "solle", "gebe", "dürfe");

    /** Perfect auxiliaries that may sit between subject and participle: "skal Putin ha sagt". */
    static final Set<String> AUXILIARIES = Set.of("ha", "har", "hadde", "have", "has", "had", "habe", "hat",
            "hatte", "skal", "skulle");

    static final Set<String> PRONOUNS = Set.of("han", "hun", "ho", "he", "she");
    /** German pronouns; "er" is also the Norwegian "is", so these count only in German text. */
    static final Set<String> PRONOUNS_DE = Set.of("er", "sie");

    /** Words after which a name is the addressee or a place, not the speaker. */
    static final Set<String> BLOCKERS = Set.of(
            "til", "med", "mot", "i", "på", "fra", "frå", "om", "overfor", "mellom", "hos", "ved", "for",
            "av", "to", "with", "against", "in", "on", "at", "from", "about", "between", "by", "of",
            "an", "von", "zu", "mit", "gegen", "gegenüber", "vor", "bei", "im", "am", "aus", "über", "nach", "für");

    /**
     * Conjunctions that open a concessive clause, space-joined and lower case. A verb of saying inside such a clause
     * ("Til tross for at X sier ..., har han ...", "Although X says ..., he has ...", "Obwohl X sagt ...") is the
     * journalist's own framing, not X's statement. Prepositions alone ("til tross for angrepene", "trotz der
     * Angriffe") are left out: after them Norwegian and German put the main verb next ("Trotz der Angriffe sagte
     * X"), and a relative ("til tross for det X sier", "despite what X said") is needed to open a clause.
     */
    static final Set<String> CONCESSIVES = Set.of(
            // nb / nn
            "selv om", "sjølv om", "til tross for at", "til trass for at", "trass i at", "tross for at",
            "til tross for det", "til trass for det", "trass i det", "til tross for hva",
            // en
            "although", "though", "despite what", "in spite of what", "despite the fact that",
            "in spite of the fact that", "notwithstanding what",
            // de
            "obwohl", "obgleich", "obschon", "wenngleich", "auch wenn", "selbst wenn");

    /** The longest entry of {@link #CONCESSIVES} in tokens. */
    static final int CONCESSIVE_MAX_TOKENS = CONCESSIVES.stream().mapToInt(c -> c.split(" ").length).max().orElse(1);

    /** Tokens that end a clause: a concessive clause runs from its conjunction to the first of these. */
    static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", ":", "–", "—", "(", ")");

    /** Words that open a reported clause ("skriver at Putin sa ..."). */
    static final Set<String> THAT = Set.of("at", "that", "dass");

    /** Where a speaker search after the verb stops: the reported clause begins. */
    static final Set<String> CLAUSE_STARTS = Set.of("at", "that", "dass", "om", "if", "ob", "whether", ",", ":",
            ";", "og", "and", "und");

    static final Set<String> DETERMINERS = Set.of("den", "det", "de", "the", "der", "die", "das", "des", "dem",
            "a", "an", "en", "ei", "et", "ein", "eine", "einer", "eines");

    /** Nouns naming a speaker's role, matched as word endings: "utenriksminister", "Kremlsprecher", "Nato-sjef". */
    static final List<String> ROLE_ENDINGS = List.of(
            "minister", "ministeren", "ministerin", "president", "presidenten", "präsident", "präsidentin",
            "sjef", "sjefen", "spokesman", "spokeswoman", "spokesperson", "talsperson", "talspersonen",
            "talsmann", "talsmannen", "talskvinne", "sprecher", "sprecherin", "kanzler", "kanzlerin",
            "generalsekretær", "generalsekretæren", "secretary", "chancellor", "ambassador", "ambassadør",
            "ambassadøren", "botschafter", "rådgiver", "rådgjevar", "rådgiveren", "rådgjevaren", "myndigheter",
            "myndighetene",
            "authorities", "officials", "official", "diplomat", "diplomaten", "statsråd", "statsråden",
            "leader", "leiar", "leiaren", "leder", "lederen", "general", "generalen", "regierung", "government",
            "regjeringen", "regjeringa", "forsker", "forskar", "researcher", "analytiker", "analyst", "ekspert",
            "expert", "professor", "sekretär", "envoy", "sendemann", "utsending", "gesandter", "gesandte",
            "vermittler", "vermittlerin", "mediator", "mekleren", "meklaren", "megleren", "negotiator",
            "unterhändler", "korrespondent", "correspondent",
            // institutions spoken of like roles ("opplyser departementet"); they never resolve to a person
            "ministry", "ministerium", "departement", "departementet");

    /** Institutions that speak ("ifølge Kreml"), accepted as speakers even in German, where nouns are capitalised. */
    static final Set<String> INSTITUTIONS = Set.of("kreml", "kremlin", "nato", "eu", "fn", "un", "pentagon",
            "moskva", "moskau", "moscow", "kyiv", "kiew", "kiev", "washington", "beijing", "peking", "berlin",
            "brüssel", "reuters", "ntb", "tass", "interfax", "ria");

    /** Capitalised words that are not names: sentence openers, weekdays, months. */
    static final Set<String> NOT_NAMES = Set.of(
            "det", "den", "de", "dei", "da", "der", "die", "das", "the", "a", "an", "i", "in", "på", "og", "men",
            "mens", "etter", "før", "når", "nå", "no", "også", "samtidig", "ifølge", "ifølgje", "til", "som",
            "han", "hun", "ho", "he", "she", "it", "they", "we", "vi", "jeg", "eg", "ich", "wir", "er", "sie",
            "es", "this", "that", "these", "those", "on", "at", "after", "before", "but", "and", "however",
            "meanwhile", "nach", "laut", "im", "auf", "mit", "bei", "für", "aber", "und", "auch", "dies",
            "diese", "dieser", "ein", "eine", "einer", "heute", "today", "yesterday", "tross", "av", "for", "om",
            "hva", "hvem", "hvorfor", "what", "why", "how", "wie", "was", "warum", "ja", "nei", "yes", "klokken",
            "både", "dette", "disse", "her", "there", "if", "when", "while", "as", "so", "also", "mr", "mrs",
            "ms", "dr", "herr", "frau", "our", "vår", "våre", "unsere", "wenn", "dass",
            "although", "though", "despite", "even", "selv", "sjølv", "trass", "obwohl", "obgleich", "selbst",
            "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "måndag", "tysdag",
            "laurdag", "sundag", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
            "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
            "november", "desember", "january", "february", "march", "may", "june", "july", "october",
            "december", "märz", "dezember", "jänner");

    /** Words that qualify a role without being names: "the foreign minister", "tidligere president". */
    static final Set<String> ROLE_QUALIFIERS = Set.of("foreign", "prime", "deputy", "former", "tidligere",
            "tidlegare", "ehemalige", "stellvertretende", "russian", "ukrainian", "american", "german", "french",
            "turkish", "chinese", "british", "senior", "lead", "chief", "top", "european", "western");

    static boolean isRole(String lower) {
        for (String r : ROLE_ENDINGS) {
            if (lower.endsWith(r)) {
                return true;
            }
        }
        return false;
    }
}

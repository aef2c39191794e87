package dev.stance.sources;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Page furniture in news text, nb/nn/en/de: ad labels ("Annonse", "Advertisement", "Anzeige"), teasers ("Les
 * også:", "Read more:", "Lesen Sie auch:"), photo credits ("Foto: NTB"), share bars ("Del på Facebook"),
 * bylines and time stamps, reading times, cookie notices, comment and login controls, corrections and copyright
 * lines. Such a line is never a statement, whatever quotes or verbs of saying it holds; the scorer leaves it out,
 * or outputs it as narration with {@code --keep-boilerplate}.
 *
 * <p>Matching is by whole line (or whole sentence, for a credit after a caption on the same line), so an article
 * sentence that merely mentions an advertisement or a photo is never caught. The lists favour precision: a
 * furniture line that is missed is scored as narration, a body sentence wrongly caught is lost.
 */
public final class Furniture {
    /** Lines that are furniture as a whole, compared lower-case without counts like "(12)" or end punctuation. */
    private static final Set<String> LINES = Set.of(
            // ad labels
            "annonse", "annonsørinnhold", "reklame", "sponset", "sponsa", "sponset innhold", "advertisement",
            "advertising", "ad", "sponsored", "sponsored content", "paid content", "paid post", "anzeige", "werbung",
            "gesponsert", "sponsored post", "artikkelen fortsetter under annonsen", "saken fortsetter under annonsen",
            "artikkelen held fram under annonsen", "saka held fram under annonsen", "article continues below",
            "article continues below advertisement", "story continues below", "story continues below advertisement",
            "weiterlesen nach der anzeige", "artikel wird unter der anzeige fortgesetzt",
            "lesen sie nach der anzeige weiter",
            // share bars
            "del", "del på facebook", "del på x", "del på twitter", "del på linkedin", "del på e-post", "del i e-post",
            "del artikkelen", "del saken", "del saka", "kopier lenke", "kopiér lenke", "skriv ut", "share",
            "share this", "share this article", "share this story", "share on facebook", "share on twitter",
            "share on x", "share on linkedin", "share on whatsapp", "share via email", "email", "e-mail", "e-post",
            "print", "tweet", "copy link", "teilen", "artikel teilen", "auf facebook teilen", "auf x teilen",
            "auf twitter teilen", "auf linkedin teilen", "per e-mail senden", "per e-mail teilen", "link kopieren",
            "drucken", "whatsapp", "facebook", "twitter", "linkedin", "x", "messenger",
            // site controls
            "meny", "menu", "søk", "search", "suche", "logg inn", "logg ut", "log in", "log out", "sign in",
            "sign up", "subscribe", "abonner", "bli abonnent", "kjøp abonnement", "jetzt abonnieren", "abonnieren",
            "anmelden", "registrieren", "tips oss", "send tips", "vis mer", "vis meir", "vis fleire", "show more",
            "load more", "mehr anzeigen", "mehr laden", "svar", "reply", "antworten", "rapporter", "report",
            "melden", "godta", "godta alle", "avvis", "avvis alle", "accept", "accept all", "reject all",
            "manage preferences", "cookie settings", "innstillinger", "einstellungen", "alle akzeptieren",
            "akzeptieren", "ablehnen", "alle ablehnen", "lukk", "close", "schließen", "til toppen", "back to top",
            "nach oben", "kommentarer", "kommentarar", "comments", "kommentare", "skriv en kommentar",
            "skriv ein kommentar", "leave a comment", "kommentar schreiben", "mest lest", "mest lese", "most read",
            "most viewed", "meistgelesen", "siste nytt", "latest news", "relaterte saker", "related articles",
            "related", "mehr zum thema", "das könnte sie auch interessieren", "details", "quellen", "sources",
            "kilder", "kjelder");
    private static final int I = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Lines that are furniture by how they start or what they are. */
    private static final List<Pattern> PATTERNS = List.of(
            // teasers pointing to other articles
            Pattern.compile("^(les også|les mer|les òg|les meir|les hele saken|se også|sjå òg|sjå også|read more|"
                    + "read also|see also|more on this story|related|lesen sie auch|lesen sie mehr|mehr zum thema|"
                    + "auch interessant|weiterlesen)\\s*(:|[-–—>»|]).*", I),
            // photo, text and source credits
            Pattern.compile("^(foto|fotos|bilde|bilete|bildet|illustrasjon|grafikk|video|kilde|kjelde|tekst|photo|"
                    + "photos|photograph|picture|image|illustration|graphic|credit|source|bild|bilder|grafik|quelle|"
                    + "text)\\s*:\\s*\\S.{0,120}$", I),
            Pattern.compile("^(©|\\(c\\)|copyright\\b).*", I),
            Pattern.compile(".*(alle rettigheter|all rights reserved|alle rechte vorbehalten|getty images).*", I),
            Pattern.compile("^(ntb|reuters|ap|afp|dpa|epa|scanpix|tt|anp|nrk)(\\s*[/,]\\s*[\\p{L} .-]{1,40})*$", I),
            // bylines, time stamps, reading and listening time
            Pattern.compile("^(publisert|oppdatert|sist oppdatert|published|updated|last updated|first published|"
                    + "veröffentlicht|aktualisiert|erstellt|stand)\\b.*\\d.*", I),
            Pattern.compile("^(?i:av|by|von)\\s+\\p{Lu}[^.!?]{0,60}$"),
            Pattern.compile("^(lesetid|lesezeit|reading time|lytt til (saken|saka|artikkelen)|hør (saken|artikkelen)|"
                    + "listen to (this|the) (article|story)|artikel (anhören|vorlesen))\\b.*", I),
            Pattern.compile("^[^.!?]{0,80}\\s[·|]\\s.*\\d.*"),
            Pattern.compile("^\\d+\\s*min\\.?\\s*(read|lesing|lesetid|lesezeit)$", I),
            // corrections and notes about the article itself
            Pattern.compile("^(this (article|story) was (amended|updated|corrected)|correction:|rettelse:|"
                    + "korrigert:|denne (artikkelen|saken|saka) (ble|vart|er) (oppdatert|endret|endra|korrigert|retta)|"
                    + "berichtigung:|korrektur:|in einer früheren version).*", I),
            // cookie and consent notices, subscriptions, comment controls, tag lists
            Pattern.compile(".*\\b(bruker|nyttar|use|uses|using|verwenden|nutzen|setzen)\\b.{0,60}"
                    + "(cookies?|informasjonskapsl\\p{L}*)\\b.*", I),
            Pattern.compile("^(abonner|abonnér|meld deg på|sign up|subscribe|jetzt .{0,20}abonnieren|"
                    + "newsletter abonnieren)\\b.*", I),
            Pattern.compile(".*(forbeholdt abonnenter|for abonnentar|for subscribers only|nur für abonnenten|"
                    + "allerede abonnent|already a subscriber|bereits abonnent).*", I),
            Pattern.compile("^(logg inn for å kommentere|log in to comment|sign in to comment|"
                    + "zum kommentieren anmelden|kommentarfeltet er stengt|comments are closed|"
                    + "kommentare sind geschlossen).*", I),
            Pattern.compile("^(topics|emner|tema|themen|stikkord|tags)\\s*:.*", I));
    /** A stamp such as "Fri 3 Apr 2026 07.30 BST": a year and a time of day on a short line. */
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\b\\d{1,2}[.:]\\d{2}\\b");
    private static final Pattern COUNT = Pattern.compile("\\s*\\(\\d+\\)\\s*$");
    private static final int SHORT_WORDS = 8;
    /**
     * Longer lines are never furniture (the longest, a cookie notice, runs to about 200 characters); the cap
     * also keeps the patterns off megabyte-long run-on lines, so the check costs time in proportion to the text.
     */
    static final int MAX_CHARS = 400;

    private Furniture() {
    }

    /** Whether a line (or one sentence of it) is page furniture. */
    public static boolean isFurniture(String line) {
        if (line.length() > MAX_CHARS) {
            return false;
        }
        String t = trimDecoration(line);
        if (t.isEmpty()) {
            return false;
        }
        String key = COUNT.matcher(t).replaceFirst("").toLowerCase(Locale.ROOT).replaceAll("[\\s:.!]+$", "");
        if (LINES.contains(key)) {
            return true;
        }
        for (Pattern p : PATTERNS) {
            if (p.matcher(t).matches()) {
                return true;
            }
        }
        return isStamp(t);
    }

    /**
     * The furniture lines of a text, found in one pass: {@code [start0, end0, start1, end1, ...]}, ascending
     * character offsets of each furniture line without its line break.
     */
    public static int[] lines(String text) {
        int[] out = new int[16];
        int n = 0;
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end - start <= MAX_CHARS && end > start && isFurniture(text.substring(start, end))) {
                if (n + 2 > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = start;
                out[n++] = end;
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Marks the furniture among sentences given in ascending order by their start and end offsets: a sentence is
     * furniture when the line it starts on is ({@code lines} from {@link #lines}), or when it is on its own (a
     * credit after a caption on the same line).
     */
    public static boolean[] sentences(String text, int[] lines, int[] starts, int[] ends) {
        boolean[] out = new boolean[starts.length];
        int k = 0;
        for (int i = 0; i < starts.length; i++) {
            while (k < lines.length && lines[k + 1] < starts[i]) {
                k += 2;
            }
            boolean inLine = k < lines.length && lines[k] <= starts[i] && starts[i] <= lines[k + 1];
            out[i] = inLine || ends[i] - starts[i] <= MAX_CHARS && isFurniture(text.substring(starts[i], ends[i]));
        }
        return out;
    }

    private static boolean isStamp(String t) {
        return words(t) <= SHORT_WORDS && YEAR.matcher(t).find() && TIME_OF_DAY.matcher(t).find()
                && !t.endsWith(".");
    }

    private static int words(String t) {
        return t.isBlank() ? 0 : t.strip().split("\\s+").length;
    }

    /** Drops list bullets, separators and padding around a line ("- Annonse -", "| Del |"). */
    private static String trimDecoration(String line) {
        String t = line.strip();
        t = t.replaceAll("^[|•·*>\\s-]+", "").replaceAll("[|•·*<\\s-]+$", "");
        return t.strip();
    }
}

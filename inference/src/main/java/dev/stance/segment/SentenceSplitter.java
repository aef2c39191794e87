package dev.stance.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rule-based sentence segmentation for Norwegian, English and German news text, with exact offsets.
 *
 * <p>Rules, in order: a blank line always ends a sentence, and so does a line break unless the line looks
 * hard-wrapped (long, and the next line starts in lower case). Inside a paragraph a sentence ends at . ! ? or
 * … (with any closing quotes after it) followed by white space and an upper-case letter, digit, opening quote
 * or dash, except after a known abbreviation, a single-letter initial, or an ordinal before a month name
 * ("24. Februar"), and except inside a quotation that closes later in the same paragraph: a quote with two
 * sentences in it is one statement.
 *
 * <p>No sentence is longer than {@value #MAX_SENTENCE_CHARS} characters: a longer stretch without a sentence
 * end (a run-on line, a table flattened to text, hostile input) is cut at the last white space before that
 * length, or at the length itself when there is none. Real news sentences are far shorter, and the bound keeps
 * the cost of every later per-sentence step (statement detection, features, the encoder) bounded per sentence,
 * so one pathological line costs time in proportion to its length.
 */
public final class SentenceSplitter {
    // The lists overlap across languages ("ca", "nr"), hence Set.copyOf over a list.
    private static final Set<String> ABBREVIATIONS = Set.copyOf(List.of(
            // Norwegian
            "f.eks", "bl.a", "ca", "dvs", "mv", "osv", "nr", "kl", "jf", "iflg", "hhv", "pga", "mht", "mill",
            "mrd", "st", "ev", "evt", "etc", "tlf", "utg", "vs", "o.l", "m.m", "pr", "ang", "div", "sml",
            // English
            "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj",
            "adm", "cmdr", "gen", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "e.g", "i.e", "u.s", "u.k", "u.n", "no", "inc", "ltd", "co", "corp", "jr", "sr", "approx",
            "dept", "est", "fig", "mt", "ft", "pres",
            // German
            "z.b", "u.a", "bzw", "ca", "vgl", "usw", "hr", "fr", "d.h", "sog", "evtl", "ggf", "inkl", "zit",
            "bspw", "abs", "art", "min", "max", "mio", "mrd", "nr", "s", "str", "tel", "v.a", "z.t", "o.ä"));
    private static final Set<String> MONTHS = Set.of(
            "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
            "november", "desember", "january", "february", "march", "may", "june", "july", "october",
            "december", "jänner", "märz", "dezember");
    private static final int MAX_QUOTE_SPAN = 600;
    private static final int WRAP_LINE_MIN = 60;
    /** The longest sentence this splitter returns; see the class comment. */
    public static final int MAX_SENTENCE_CHARS = 2000;

    private SentenceSplitter() {
    }

    public static List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int paraStart = 0;
        int i = 0;
        while (i <= n) {
            if (i == n || isHardBreak(text, i)) {
                splitParagraph(text, paraStart, i, out);
                paraStart = i + 1;
            }
            i++;
        }
        return out;
    }

    private static boolean isHardBreak(String text, int i) {
        if (text.charAt(i) != '\n') {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', i - 1) + 1;
        String line = text.substring(lineStart, i).strip();
        int j = i + 1;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
            j++;
        }
        if (j >= text.length() || text.charAt(j) == '\n' || line.isEmpty()) {
            return true;
        }
        boolean wrapped = line.length() >= WRAP_LINE_MIN && Character.isLowerCase(text.charAt(j))
                && !endsSentence(line);
        return !wrapped;
    }

    private static boolean endsSentence(String line) {
        char last = line.charAt(line.length() - 1);
        return ".!?…:»\"”“".indexOf(last) >= 0;
    }

    private static void splitParagraph(String text, int from, int to, List<Span> out) {
        int start = from;
        int quoteDepth = 0;
        boolean straightOpen = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '«' || c == '„') {
                quoteDepth++;
            } else if ((c == '»' || c == '“') && quoteDepth > 0) {
                quoteDepth--;
            } else if (c == '"' || c == '”') {
                straightOpen = !straightOpen;
            }
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            int dot = i;
            int end = i + 1;
            while (end < to && ".!?…".indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            while (end < to && "»\"”“')]".indexOf(text.charAt(end)) >= 0) {
                char q = text.charAt(end);
                if ((q == '»' || q == '“') && quoteDepth > 0) {
                    quoteDepth--;
                } else if (q == '"' || q == '”') {
                    straightOpen = !straightOpen;
                }
                end++;
            }
            i = end - 1;
            if (end >= to || !Character.isWhitespace(text.charAt(end))) {
                continue;
            }
            int next = end;
            while (next < to && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next >= to || !startsSentence(text.charAt(next))) {
                continue;
            }
            if (c == '.' && protectedPeriod(text, from, dot, next, to)) {
                continue;
            }
            if ((quoteDepth > 0 || straightOpen) && quoteClosesLater(text, next, to)) {
                continue;
            }
            addSpan(text, start, end, out);
            start = next;
        }
        addSpan(text, start, to, out);
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "«„\"“'–—-(".indexOf(c) >= 0;
    }

    /** True when the period at {@code dot} belongs to an abbreviation, an initial or an ordinal date. */
    private static boolean protectedPeriod(String text, int from, int dot, int next, int to) {
        int p = dot;
        int w = p;
        while (w > from && !Character.isWhitespace(text.charAt(w - 1)) && "(«„\"“".indexOf(text.charAt(w - 1)) < 0) {
            w--;
        }
        String token = text.substring(w, p);
        if (token.isEmpty()) {
            return false;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return true;
        }
        if (token.length() == 1 && Character.isUpperCase(token.charAt(0))) {
            return true; // an initial: "J. Stoltenberg"
        }
        if (token.chars().allMatch(Character::isDigit)) {
            int e = next;
            while (e < to && Character.isLetter(text.charAt(e))) {
                e++;
            }
            return MONTHS.contains(text.substring(next, e).toLowerCase(Locale.ROOT));
        }
        return false;
    }

    private static boolean quoteClosesLater(String text, int from, int to) {
        int limit = Math.min(to, from + MAX_QUOTE_SPAN);
        for (int k = from; k < limit; k++) {
            char q = text.charAt(k);
            if (q == '»' || q == '“' || q == '"' || q == '”') {
                return true;
            }
            if (q == '«' || q == '„') {
                return false;
            }
        }
        return false;
    }

    private static void addSpan(String text, int start, int end, List<Span> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (end - start > MAX_SENTENCE_CHARS) {
            int cut = cutPoint(text, start);
            addSpan(text, start, cut, out);
            start = cut;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        if (end > start) {
            out.add(new Span(start, end, text.substring(start, end)));
        }
    }

    /**
     * Where to cut an over-long sentence starting at {@code start} (which is followed by more than
     * {@value #MAX_SENTENCE_CHARS} characters): after the last white space in the second half of the allowed
     * length, else at the length itself, never between the two halves of a surrogate pair.
     */
    private static int cutPoint(String text, int start) {
        int limit = start + MAX_SENTENCE_CHARS;
        for (int k = limit; k > start + MAX_SENTENCE_CHARS / 2; k--) {
            if (Character.isWhitespace(text.charAt(k - 1))) {
                return k;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }
}

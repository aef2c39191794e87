package dev.stance.statements;

import dev.stance.segment.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Rule-based statement detection and speaker attribution for Norwegian, English and German news.
 *
 * <p>A sentence is {@code direct} when it quotes («…», "…", „…“, “…” with at least four words or closing
 * punctuation inside, so scare quotes do not count) or belongs to a paragraph that opens with a dash (– or —,
 * the Norwegian quote style; a short dash line without final punctuation is a heading and stays narration).
 * It is {@code reported} when the text outside the quotes has a verb of saying (sa, said, sagte, ...), a source
 * word (ifølge, according to, laut, nach Angaben) or, in German, a Konjunktiv I form (sei, habe, werde).
 * Verbs of saying, sources and quotes inside a concessive clause do not count ("Til tross for at X sier ..., har
 * han ...", "Although X says ..., he has ...", "Obwohl X sagt, er sei ..., hat er ..."): the sentence is the
 * journalist's evaluation, narration unless its main clause reports speech itself.
 *
 * <p>The speaker is looked for outside the quoted words, in this order: a name, role or pronoun just before
 * the verb ("Putin said", "skal Putin ha sagt"), just after it ("sa Jens Stoltenberg", "sagte Außenministerin
 * X"), at the start of the sentence, anywhere before it, then the source ("ifølge Kreml"). Names after a
 * preposition ("til TV 2", "med Erdogan") are addressees or places and never speakers. An organisation, state
 * or medium ("Kremlin", "der Afrikanischen Union") gives way to a person in the same speaker phrase ("said
 * Kremlin spokesman X", "der Vermittler der Afrikanischen Union, X") and speaks only when no person does. A
 * quote without a speaker takes one from the rest of its dash paragraph ("– ... . – ..., sier Solli."), then
 * from earlier in the paragraph, then from a previous paragraph ending in a colon ("..., og la til:"). Pronouns
 * and bare
 * Konjunktiv resolve to the last speaker; short names and role phrases ("utenriksministeren", "the foreign
 * minister") resolve through the article's {@link NameTable} to the person introduced with that role.
 */
public final class StatementDetector {
    private static final int MIN_QUOTE_WORDS = 4;
    private static final int HEADING_MAX_WORDS = 10;
    private static final int TAIL_COMMAS = 8;
    private static final int TAIL_WINDOW = 80;
    private static final Set<String> POSSESSIVES = Set.of("sin", "si", "sitt", "sine");

    private StatementDetector() {
    }

    /** What one sentence says on its own, before neighbours and pronouns are resolved. */
    private record Local(StatementKind kind, String speaker, boolean pronoun, boolean konjunktiv, int para,
                         boolean dashPara) {
    }

    /** Attributes every sentence of an article, all in one language. */
    public static List<Attribution> detect(String text, List<Span> spans, String lang) {
        return detect(text, spans, Collections.nCopies(spans.size(), lang), lang);
    }

    /** Attributes every sentence; {@code langs} gives each sentence's language (German changes a few rules). */
    public static List<Attribution> detect(String text, List<Span> spans, List<String> langs, String articleLang) {
        int n = spans.size();
        NameTable table = NameTable.of(spans, "de".equals(articleLang));
        int[] para = paragraphs(text, spans);
        boolean[] dashPara = new boolean[n];
        int[] paraSize = new int[n == 0 ? 0 : para[n - 1] + 1];
        for (int i = 0; i < n; i++) {
            paraSize[para[i]]++;
            dashPara[i] = i > 0 && para[i] == para[i - 1] ? dashPara[i - 1] : startsWithDash(spans.get(i).text());
        }
        Local[] local = new Local[n];
        for (int i = 0; i < n; i++) {
            boolean heading = dashPara[i] && paraSize[para[i]] == 1 && isHeading(spans.get(i).text());
            local[i] = heading ? new Local(StatementKind.NARRATION, null, false, false, para[i], false)
                    : analyse(spans.get(i).text(), "de".equals(langs.get(i)), dashPara[i], para[i], table, i);
        }
        return resolve(local, spans);
    }

    private static List<Attribution> resolve(Local[] local, List<Span> spans) {
        int n = local.length;
        // for each sentence, the next sentence in its paragraph that names a speaker (or -1): one backward pass,
        // so long paragraphs stay linear
        int[] nextNamed = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            boolean sameNext = i + 1 < n && local[i + 1].para() == local[i].para();
            if (!sameNext) {
                nextNamed[i] = -1;
            } else {
                Local l = local[i + 1];
                nextNamed[i] = l.speaker() != null || l.pronoun() ? i + 1 : nextNamed[i + 1];
            }
        }
        List<Attribution> out = new ArrayList<>(n);
        String last = null;
        String lastInPara = null;
        for (int i = 0; i < n; i++) {
            Local l = local[i];
            boolean firstInPara = i == 0 || local[i - 1].para() != l.para();
            if (firstInPara) {
                lastInPara = null;
            }
            String speaker = l.pronoun() ? last : l.speaker();
            if (l.kind() == StatementKind.DIRECT && speaker == null) {
                if (l.dashPara() && nextNamed[i] >= 0) {
                    Local later = local[nextNamed[i]];
                    speaker = later.pronoun() ? last : later.speaker();
                }
                if (speaker == null) {
                    speaker = lastInPara;
                }
                if (speaker == null && firstInPara && i > 0 && spans.get(i - 1).text().endsWith(":")) {
                    speaker = out.get(i - 1).speaker();
                }
            }
            if (l.kind() == StatementKind.REPORTED && speaker == null && l.konjunktiv()) {
                speaker = last;
            }
            if (l.kind() == StatementKind.NARRATION) {
                speaker = null;
            }
            out.add(new Attribution(l.kind(), speaker));
            if (speaker != null) {
                last = speaker;
                lastInPara = speaker;
            }
        }
        return out;
    }

    private static Local analyse(String s, boolean german, boolean dashPara, int para, NameTable table,
                                 int index) {
        List<int[]> quotes = quoteRegions(s);
        char[] frame = s.toCharArray();
        boolean afterQuote = false;
        if (dashPara) {
            int tail = attributionTail(s);
            Arrays.fill(frame, 0, tail, ' ');
        } else {
            for (int[] q : quotes) {
                Arrays.fill(frame, q[0], q[1], ' ');
            }
            afterQuote = !quotes.isEmpty() && s.substring(0, quotes.get(0)[0]).isBlank();
        }
        List<Token> t = Token.tokenize(new String(frame));
        boolean[] concession = concededAfter(t);
        // a quote inside a concessive clause ("Selv om X sa «...», har ...") is the journalist's framing too
        boolean direct = dashPara
                || quotes.stream().anyMatch(q -> substantial(s, q) && !conceded(t, concession, q[0]));
        int verb = -1;
        int verbEnd = -1;
        int source = -1;
        boolean konjunktiv = false;
        boolean concededSaying = false;
        for (int k = 0; k < t.size(); k++) {
            String w = t.get(k).lower();
            String pair = k + 1 < t.size() ? w + " " + t.get(k + 1).lower() : "";
            boolean firstWord = afterQuote && firstWordIndex(t) == k;
            boolean passive = passiveBefore(t, k);
            boolean inConcession = k > 0 && concession[k - 1];
            boolean saying = Cues.SPEECH_VERBS.contains(w) || (german && firstWord && w.equals("so"))
                    || Cues.SPEECH_PAIRS.contains(pair);
            concededSaying |= inConcession && saying && !passive;
            if (inConcession) {
                // a verb of saying or a source inside a concessive clause frames the journalist's own claim
                konjunktiv |= german && Cues.KONJUNKTIV.contains(w);
                continue;
            }
            if (verb < 0 && !passive && (Cues.SPEECH_VERBS.contains(w) || (german && firstWord && w.equals("so")))) {
                verb = k;
                verbEnd = k + 1;
            } else if (verb < 0 && !passive && Cues.SPEECH_PAIRS.contains(pair)) {
                verb = k;
                verbEnd = k + 2;
            } else if (source < 0 && Cues.SOURCE_WORDS.contains(w)) {
                source = k + 1;
            } else if (source < 0 && Cues.SOURCE_PAIRS.contains(pair)) {
                source = k + 2;
                while (source < t.size() && List.of("von", "des", "der").contains(t.get(source).lower())) {
                    source++;
                }
            }
            konjunktiv |= german && Cues.KONJUNKTIV.contains(w);
        }
        // "Obwohl X sagt, er sei bereit, hat er ...": the Konjunktiv is the conceded verb's complement
        konjunktiv &= !concededSaying;
        StatementKind kind = direct ? StatementKind.DIRECT
                : verb >= 0 || source >= 0 || konjunktiv ? StatementKind.REPORTED : StatementKind.NARRATION;
        if (kind == StatementKind.NARRATION) {
            return new Local(kind, null, false, false, para, dashPara);
        }
        List<Mention> mentions = Mentions.find(t, s, german, table, index);
        Mention m = pick(t, mentions, verb, verbEnd, source, direct);
        if (m != null && m.institution() && verb >= 0) {
            m = innerSpeaker(t, mentions, verb, verbEnd, m);
        }
        return new Local(kind, m == null || m.type() == Mention.Type.PRONOUN ? null : m.value(),
                m != null && m.type() == Mention.Type.PRONOUN, konjunktiv, para, dashPara);
    }

    private static Mention pick(List<Token> t, List<Mention> ms, int verb, int verbEnd, int source, boolean direct) {
        Mention src = null;
        for (Mention m : ms) {
            if (source >= 0 && m.start() >= source && m.start() - source <= 3) {
                src = m; // the source's noun phrase: "ifølge den franske TV-kanalen BFMTV"
                break;
            }
        }
        Mention source0 = src;
        Mention sourceMention = src == null || src.weak() ? null : src;
        List<Mention> free = ms.stream().filter(m -> m != source0 && !blocked(t, m)).toList();
        if (verb >= 0) {
            Mention m = byVerb(t, free, verb, verbEnd);
            if (m != null) {
                return personInPhrase(t, free, m);
            }
        }
        free = free.stream().filter(m -> !m.weak()).toList();
        if (direct) {
            // a quote with no verb of saying: a person given as the source ("ifølge forhandlingslederen"), else
            // a person anywhere outside the quote, else an institution
            if (sourceMention != null && !sourceMention.institution()) {
                return sourceMention;
            }
            for (Mention m : free) {
                if (!m.institution()) {
                    return m;
                }
            }
            if (!free.isEmpty()) {
                return free.get(0);
            }
        }
        return sourceMention;
    }

    /**
     * Nested reported speech: when an institution or medium reports that a person said something ("Reuters
     * skriver at Putin gjentok at ...", "the Kremlin said that Ivanov warned ..."), the words are the person's.
     * The inner verb must follow a "that" clause start and have a person right before it (auxiliaries allowed).
     */
    private static Mention innerSpeaker(List<Token> t, List<Mention> ms, int verb, int verbEnd, Mention outer) {
        boolean clause = false;
        for (int k = verbEnd; k < t.size(); k++) {
            String w = t.get(k).lower();
            if (Cues.THAT.contains(w)) {
                clause = true;
            } else if (clause && Cues.SPEECH_VERBS.contains(w) && !passiveBefore(t, k)) {
                int v = auxiliaryStart(t, k);
                for (Mention n : ms) {
                    boolean person = !n.weak() && !n.institution() && n.type() != Mention.Type.PRONOUN;
                    // "at" opens the clause here (nb), though in English it is a preposition that blocks
                    boolean afterThat = n.start() > 0 && Cues.THAT.contains(t.get(n.start() - 1).lower());
                    if (person && n.start() > verb && n.end() <= v && v - n.end() <= 1 && (afterThat || !blocked(t, n))) {
                        return n;
                    }
                }
                return outer;
            }
        }
        return outer;
    }

    /**
     * For each token, whether the text right after it lies inside a concessive clause: one opens after a
     * conjunction of {@link Cues#CONCESSIVES} and runs to the next clause break. One pass, so linear.
     */
    static boolean[] concededAfter(List<Token> t) {
        boolean[] after = new boolean[t.size()];
        for (int k = 0; k < t.size(); k++) {
            boolean open = k > 0 && after[k - 1];
            after[k] = !Cues.CLAUSE_BREAKS.contains(t.get(k).text()) && (open || endsConcessive(t, k));
        }
        return after;
    }

    /** Whether character {@code offset} of the sentence lies inside a concessive clause. */
    private static boolean conceded(List<Token> t, boolean[] after, int offset) {
        int j = -1;
        while (j + 1 < t.size() && t.get(j + 1).start() < offset) {
            j++;
        }
        return j >= 0 && after[j];
    }

    /** Whether a concessive conjunction ends at token {@code k}. */
    private static boolean endsConcessive(List<Token> t, int k) {
        StringBuilder b = new StringBuilder();
        for (int from = k; from >= 0 && k - from < Cues.CONCESSIVE_MAX_TOKENS; from--) {
            b.insert(0, from == k ? t.get(from).lower() : t.get(from).lower() + " ");
            if (Cues.CONCESSIVES.contains(b.toString())) {
                return true;
            }
        }
        return false;
    }

    /** Where the verb at {@code k} starts with its perfect auxiliaries ("skal ha sagt"): the subject stands before. */
    private static int auxiliaryStart(List<Token> t, int k) {
        int v = k;
        while (v > 0 && Cues.AUXILIARIES.contains(t.get(v - 1).lower())) {
            v--;
        }
        return v;
    }

    /** The subject of the verb of saying: just before it, just after it, first in the sentence, or before it. */
    private static Mention byVerb(List<Token> t, List<Mention> free, int verb, int verbEnd) {
        int v = auxiliaryStart(t, verb);
        Mention best = null;
        for (Mention m : free) {
            if (m.end() <= v && v - m.end() <= (m.weak() ? 0 : 2)) {
                best = m; // the nearest wins: later ones overwrite
            }
        }
        if (best != null) {
            return best;
        }
        for (Mention m : free) {
            if (m.start() >= verbEnd && m.start() - verbEnd <= (m.weak() ? 0 : 3)
                    && !clauseBetween(t, verbEnd, m.start())) {
                return m;
            }
        }
        List<Mention> strong = free.stream().filter(m -> !m.weak()).toList();
        for (Mention m : strong) {
            if (m.end() <= v && m.start() <= 4 && wordsBefore(t, m.start()) <= 1) {
                return m;
            }
        }
        for (int k = strong.size() - 1; k >= 0; k--) {
            if (strong.get(k).end() <= v) {
                return strong.get(k);
            }
        }
        return null;
    }

    /**
     * An institution next to a person in one speaker phrase ("said Kremlin spokesman Dmitry Peskov", "NATO,
     * Jens Berg,") gives way to the person: only commas and articles may stand between them.
     */
    private static Mention personInPhrase(List<Token> t, List<Mention> free, Mention m) {
        if (!m.institution()) {
            return m;
        }
        int k = free.indexOf(m);
        for (Mention n : List.of(k + 1 < free.size() ? free.get(k + 1) : m, k > 0 ? free.get(k - 1) : m)) {
            boolean person = n != m && !n.weak() && !n.institution() && n.type() != Mention.Type.PRONOUN;
            if (person && glued(t, Math.min(m.end(), n.end()), Math.max(m.start(), n.start()))) {
                return n;
            }
        }
        return m;
    }

    /**
     * Tokens [from, to) hold only commas, articles and the Norwegian possessive ("Kreml sin talsperson"), and no
     * quote was blanked out between them.
     */
    private static boolean glued(List<Token> t, int from, int to) {
        if (to - from > 2) {
            return false;
        }
        for (int k = from; k < to; k++) {
            String w = t.get(k).lower();
            if (!w.equals(",") && !Cues.DETERMINERS.contains(w) && !POSSESSIVES.contains(w)) {
                return false;
            }
        }
        for (int k = Math.max(1, from); k <= to && k < t.size(); k++) {
            Token a = t.get(k - 1);
            if (t.get(k).start() - (a.start() + a.text().length()) > 2) {
                return false;
            }
        }
        return true;
    }

    /** After a preposition a name is an addressee or a place. */
    private static boolean blocked(List<Token> t, Mention m) {
        return m.start() > 0 && Cues.BLOCKERS.contains(t.get(m.start() - 1).lower());
    }

    /** A passive auxiliary shortly before, in the same clause ("Neste møte blir i Wien, opplyser ..." is active). */
    private static boolean passiveBefore(List<Token> t, int k) {
        for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
            String w = t.get(j).lower();
            if (w.equals(",")) {
                return false;
            }
            if (Cues.PASSIVE.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean clauseBetween(List<Token> t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Cues.CLAUSE_STARTS.contains(t.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    private static int wordsBefore(List<Token> t, int index) {
        int c = 0;
        for (int k = 0; k < index; k++) {
            if (t.get(k).isWord()) {
                c++;
            }
        }
        return c;
    }

    private static int firstWordIndex(List<Token> t) {
        for (int k = 0; k < t.size(); k++) {
            if (t.get(k).isWord()) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Where the attribution of a dash quote begins: after the last comma followed soon by a cue; else the end.
     * Only the last {@value #TAIL_COMMAS} commas are tried, each with a short window, so this stays linear.
     */
    static int attributionTail(String s) {
        int tried = 0;
        for (int c = s.lastIndexOf(','); c >= 0 && tried < TAIL_COMMAS; c = s.lastIndexOf(',', c - 1), tried++) {
            List<Token> after = Token.tokenize(s.substring(c + 1, Math.min(s.length(), c + 1 + TAIL_WINDOW)));
            int words = 0;
            for (int k = 0; k < after.size() && words < 5; k++) {
                String w = after.get(k).lower();
                String pair = k + 1 < after.size() ? w + " " + after.get(k + 1).lower() : "";
                if (Cues.SPEECH_VERBS.contains(w) || Cues.SOURCE_WORDS.contains(w) || Cues.SPEECH_PAIRS.contains(pair)) {
                    return c + 1;
                }
                if (after.get(k).isWord()) {
                    words++;
                }
            }
            if (c == 0) {
                break;
            }
        }
        return s.length();
    }

    /** Quoted character ranges [start, end) including the marks; an unclosed quote runs to the end. */
    static List<int[]> quoteRegions(String s) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        String closers = "";
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (open < 0) {
                switch (c) {
                    case '«' -> closers = "»";
                    case '„' -> closers = "“”";
                    case '“' -> closers = "”“";
                    case '"' -> closers = "\"";
                    default -> closers = "";
                }
                if (!closers.isEmpty()) {
                    open = k;
                }
            } else if (closers.indexOf(c) >= 0) {
                out.add(new int[] {open, k + 1});
                open = -1;
            }
        }
        if (open >= 0) {
            out.add(new int[] {open, s.length()});
        }
        return out;
    }

    private static boolean substantial(String s, int[] q) {
        String inner = s.substring(q[0] + 1, Math.max(q[0] + 1, q[1] - 1)).strip();
        long words = Token.tokenize(inner).stream().filter(Token::isWord).count();
        return words >= MIN_QUOTE_WORDS || (!inner.isEmpty() && ".,!?…".indexOf(inner.charAt(inner.length() - 1)) >= 0);
    }

    private static boolean startsWithDash(String s) {
        return s.startsWith("–") || s.startsWith("—") || s.startsWith("- ");
    }

    private static boolean isHeading(String s) {
        char last = s.charAt(s.length() - 1);
        long words = Token.tokenize(s).stream().filter(Token::isWord).count();
        return ".!?…\"»”“".indexOf(last) < 0 && words <= HEADING_MAX_WORDS;
    }

    /** Paragraph number of each sentence: a line break between two sentences starts a new paragraph. */
    static int[] paragraphs(String text, List<Span> spans) {
        int[] p = new int[spans.size()];
        for (int i = 1; i < spans.size(); i++) {
            boolean br = text.substring(spans.get(i - 1).end(), spans.get(i).start()).indexOf('\n') >= 0;
            p[i] = p[i - 1] + (br ? 1 : 0);
        }
        return p;
    }
}

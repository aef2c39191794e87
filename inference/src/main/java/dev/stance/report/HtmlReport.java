package dev.stance.report;

import dev.stance.data.Task;
import dev.stance.model.TaskPrediction;
import dev.stance.score.ArticleListener;
import dev.stance.score.ArticleResult;
import dev.stance.score.AtomicOutput;
import dev.stance.score.ScoredSentence;
import dev.stance.statements.StatementKind;
import dev.stance.summary.ArticleSummary;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --report}: one self-contained HTML page (inline CSS and SVG, no scripts, no external resources). At the
 * top a legend for both axes and an {@link Overview} across all articles (per-speaker chart and pre-sorted
 * tables); below, each article's text with every statement highlighted by its stance label and underlined by its
 * openness label (solid for real, dashed for rhetorical, none for none: the line style carries the label, so it
 * reads without colour), hovering showing speaker, kind and all probabilities, and a table of the article's
 * speakers. A label whose probability is under {@link #LOW_CONFIDENCE} is drawn muted and says so on hover.
 *
 * <p>Articles are written to a temporary file as they arrive and copied below the overview at the end, so memory
 * holds only the overview's per-speaker tallies; the page is committed atomically. All text is escaped; the
 * markup is well-formed XML as well as HTML.
 */
public final class HtmlReport implements ArticleListener, AutoCloseable {
    /**
     * Highlight background per stance label (from Paul Tol's colour-blind-safe "light" scheme; neutral a blue-grey,
     * as anti-aliased text makes every pure grey); package-private so the render test looks for these exact pixels.
     */
    static final Map<String, String> LABEL_COLOURS = Map.of("conciliatory", "#99ddff", "hostile", "#ee8866",
            "skeptical", "#eedd88", "neutral", "#dde3ee");
    /** Underline colour per openness label (Tol's high-contrast scheme); "none" is drawn only in the chart. */
    static final Map<String, String> OPENNESS_COLOURS = Map.of("real", "#004488", "rhetorical", "#bb5566",
            "none", "#bbbbbb");
    /** Underline style per openness label: the style, not the colour, tells real from rhetorical. */
    static final Map<String, String> OPENNESS_STYLES = Map.of("real", "solid", "rhetorical", "dashed");
    /**
     * A label whose probability is under this is drawn muted: the largest threshold on a 0.05 grid under which
     * the default model's labels are right at most half the time, measured on its calibrated out-of-fold
     * predictions for the 1,336 real training statements (stance 0.60: 252 of 511 right under it, under 0.65
     * just over half; openness 0.50: 63 of 133, under 0.55 just over half). The default is calibrated, so a label
     * is rarely much less likely than its probability says. See the README's report section.
     */
    static final Map<Task, Double> LOW_CONFIDENCE = Map.of(Task.STANCE, 0.60, Task.OPENNESS, 0.50);
    /** How far a muted label's colour moves towards white. */
    private static final double MUTE = 0.55;

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
            .article{white-space:pre-wrap;line-height:1.9}
            mark{padding:0 .1em;border-radius:.2em;color:#222}
            .legend p{margin:.4rem 0}.legend span{margin-right:1rem;padding:.1em .4em}
            table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.2em .6em;text-align:left}
            td .meta{overflow-wrap:anywhere}.overview table{width:100%;font-size:.92em}.overview td.st{width:30%}
            section{border-top:1px solid #ccc;margin-top:2rem}.error{color:#a00}.meta{color:#666}
            .overview{border-top:1px solid #ccc;margin-top:1rem}summary{cursor:pointer;font-weight:bold;margin:.5rem 0}
            .chart text{font-size:13px;fill:#222}figure{margin:1rem 0}figcaption{color:#666;font-size:.9em}
            .o-real,.o-rhetorical{text-decoration-skip-ink:none;text-underline-offset:4px}
            """ + labelRules();

    private static String labelRules() {
        StringBuilder b = new StringBuilder();
        for (String label : Task.STANCE.labels()) {
            String c = LABEL_COLOURS.get(label);
            b.append('.').append(label).append("{background:").append(c).append("}\n");
            b.append('.').append(label).append(".low-stance{background:").append(mute(c)).append(";color:#555}\n");
        }
        for (String label : Task.OPENNESS.labels()) {
            String style = OPENNESS_STYLES.get(label);
            if (style != null) {
                String c = OPENNESS_COLOURS.get(label);
                b.append(".o-").append(label).append("{text-decoration:underline ").append(style).append(' ')
                        .append(c).append(" 3px}\n");
                b.append(".o-").append(label).append(".low-openness{text-decoration-color:").append(mute(c))
                        .append("}\n");
            }
        }
        return b.toString();
    }

    /** {@code #rrggbb} moved {@link #MUTE} of the way towards white. */
    static String mute(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        StringBuilder b = new StringBuilder("#");
        for (int shift = 16; shift >= 0; shift -= 8) {
            int c = (rgb >> shift) & 0xFF;
            b.append(String.format(Locale.ROOT, "%02x", (int) Math.round(c + (255 - c) * MUTE)));
        }
        return b.toString();
    }

    private final AtomicOutput out;
    private final Path sectionsFile;
    private final Writer sections;
    private final Overview overview = new Overview();
    private int articleNo;

    /** Writes the page to {@code out} when {@link #finish()} is called; article sections wait in a temporary file. */
    public HtmlReport(AtomicOutput out) throws IOException {
        this.out = out;
        this.sectionsFile = Files.createTempFile("stance-report", ".html.part");
        this.sections = Files.newBufferedWriter(sectionsFile, StandardCharsets.UTF_8);
    }

    @Override
    public void accept(ArticleResult r) throws IOException {
        int no = ++articleNo;
        Writer w = sections;
        w.write("<section id=\"a" + no + "\"><h2>" + escape(r.article().id()) + "</h2>\n");
        if (r.failed()) {
            overview.addFailed();
            w.write("<p class=\"error\">" + escape(r.error()) + "</p></section>\n");
            return;
        }
        ArticleSummary s = ArticleSummary.of(r);
        overview.addArticle(s.sentences());
        w.write("<p class=\"meta\">language " + escape(r.lang()) + ", " + counted(s.statements(), s.sentences())
                + "</p>\n<div class=\"article\">");
        String text = r.article().text();
        int pos = 0;
        for (ScoredSentence sent : r.sentences()) {
            if (sent.kind() != StatementKind.NARRATION && sent.start() >= pos) {
                w.write(escape(text.substring(pos, sent.start())));
                String anchor = "a" + no + "-s" + sent.index();
                overview.addStatement(no, r.article().id(), anchor, sent);
                w.write(mark(sent, anchor, text.substring(sent.start(), sent.end())));
                pos = sent.end();
            }
        }
        w.write(escape(text.substring(pos)));
        w.write("</div>\n<table><tr><th>speaker</th><th>statements</th><th>stance</th><th>openness</th></tr>\n");
        for (ArticleSummary.SpeakerSummary sp : s.speakers()) {
            w.write("<tr><td>" + escape(sp.speaker() == null ? "(unknown)" : sp.speaker()) + "</td><td>"
                    + sp.statements() + "</td><td>" + cell(sp, Task.STANCE) + "</td><td>" + cell(sp, Task.OPENNESS)
                    + "</td></tr>\n");
        }
        w.write("</table></section>\n");
    }

    /** One statement: stance class, openness class, muted classes for low-confidence labels, and the hover text. */
    private static String mark(ScoredSentence sent, String anchor, String text) {
        StringBuilder cls = new StringBuilder();
        StringBuilder title = new StringBuilder(sent.speaker() == null ? "unknown speaker" : sent.speaker())
                .append(" · ").append(sent.kind().key());
        List<String> low = new ArrayList<>();
        for (Task t : Task.values()) {
            TaskPrediction p = sent.prediction().get(t);
            cls.append(cls.isEmpty() ? "" : " ").append(t == Task.STANCE ? "" : "o-").append(p.label());
            title.append(" · ").append(t.key()).append(' ').append(p.label())
                    .append(String.format(Locale.ROOT, " %.2f", p.probability())).append(" (");
            String sep = "";
            for (String other : t.labels()) {
                if (!other.equals(p.label())) {
                    title.append(sep).append(other).append(String.format(Locale.ROOT, " %.2f", p.p().get(other)));
                    sep = ", ";
                }
            }
            title.append(')');
            if (p.probability() < LOW_CONFIDENCE.get(t)) {
                cls.append(" low-").append(t.key());
                low.add(t.key() + String.format(Locale.ROOT, " (under %.2f)", LOW_CONFIDENCE.get(t)));
            }
        }
        if (!low.isEmpty()) {
            title.append(" · low confidence: ").append(String.join(", ", low));
        }
        return "<mark id=\"" + anchor + "\" class=\"" + cls + "\" title=\"" + escape(title.toString()) + "\">"
                + escape(text) + "</mark>";
    }

    /** "N statement(s) in M sentence(s)"; without narration ({@code --statements-only}) only the statements. */
    static String counted(int statements, int sentences) {
        return statements + " statement(s)" + (sentences > statements ? " in " + sentences + " sentence(s)" : "");
    }

    private static String cell(ArticleSummary.SpeakerSummary sp, Task t) {
        String d = sp.dominant(t);
        return escape(d) + " (" + sp.counts().get(t).get(d) + ")";
    }

    private static void writeHead(Writer w) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>stance report</title>"
                + "<style>" + CSS + "</style></head><body>\n<h1>stance report</h1>\n<div class=\"legend\">"
                + "<p><strong>Stance</strong> (highlight): ");
        for (String label : Task.STANCE.labels()) {
            w.write("<span class=\"" + label + "\">" + label + "</span>");
        }
        w.write("</p>\n<p><strong>Openness</strong> (underline): <span class=\"o-real\">real: solid line</span>"
                + "<span class=\"o-rhetorical\">rhetorical: dashed line</span><span>none: no line</span></p>\n"
                + "<p><strong>Low confidence</strong>: "
                + "<span class=\"hostile low-stance o-rhetorical low-openness\">pale</span> "
                + String.format(Locale.ROOT, "a label whose probability is under %.2f (stance) or %.2f (openness) "
                        + "is drawn pale and says so on hover. Hover a statement for its speaker, kind and all "
                        + "probabilities.", LOW_CONFIDENCE.get(Task.STANCE), LOW_CONFIDENCE.get(Task.OPENNESS))
                + "</p></div>\n");
    }

    /**
     * Escapes text for element content and quoted attribute values. Control characters, and the invisible
     * bidirectional and zero-width format characters (which can reorder or hide what a reader sees, as in
     * "Trojan Source" text), become a visible U+FFFD.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters are not allowed in HTML or XML text
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || invisibleFormat(c)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** C1 controls, bidi embeddings, overrides, isolates and marks, zero-width spaces and joiners, BOM. */
    private static boolean invisibleFormat(char c) {
        return c >= 0x7F && c <= 0x9F || c >= 0x200B && c <= 0x200F || c >= 0x202A && c <= 0x202E
                || c >= 0x2060 && c <= 0x2069 || c == 0x061C || c == 0xFEFF;
    }

    @Override
    public void finish() throws IOException {
        sections.close();
        Writer w = out.writer();
        writeHead(w);
        overview.write(w);
        try (Reader in = Files.newBufferedReader(sectionsFile, StandardCharsets.UTF_8)) {
            in.transferTo(w);
        }
        w.write("</body></html>\n");
        out.commit();
    }

    @Override
    public void close() throws IOException {
        try {
            sections.close();
            Files.deleteIfExists(sectionsFile);
        } finally {
            out.close();
        }
    }
}

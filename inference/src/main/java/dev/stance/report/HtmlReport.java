package dev.stance.report;

import dev.stance.data.Task;
import dev.stance.score.ArticleListener;
import dev.stance.score.ArticleResult;
import dev.stance.score.AtomicOutput;
import dev.stance.score.ScoredSentence;
import dev.stance.summary.ArticleSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --report}: one self-contained HTML page (inline CSS, no scripts, no external resources) with each
 * article's text, its statements highlighted by stance label (the colour legend is at the top; hovering shows
 * speaker, kind and probabilities) and a table of speakers. Written article by article, so memory stays bounded,
 * and committed atomically at the end. All text is escaped; the markup is well-formed XML as well as HTML.
 */
public final class HtmlReport implements ArticleListener, AutoCloseable {
    /** Highlight background per stance label; package-private so the render test looks for these exact pixels. */
    static final Map<String, String> LABEL_COLOURS = Map.of("conciliatory", "#c8efc8", "hostile", "#f6c1c1",
            "skeptical", "#fde3b0", "neutral", "#dde3ee");

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
            .article{white-space:pre-wrap;line-height:1.5}
            mark{padding:0 .1em;border-radius:.2em}
            .legend span{margin-right:1rem;padding:.1em .4em}
            table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.2em .6em;text-align:left}
            section{border-top:1px solid #ccc;margin-top:2rem}.error{color:#a00}.meta{color:#666}
            """ + labelRules();

    private static String labelRules() {
        StringBuilder b = new StringBuilder();
        for (String label : Task.STANCE.labels()) {
            b.append('.').append(label).append("{background:").append(LABEL_COLOURS.get(label)).append("}\n");
        }
        return b.toString();
    }

    private final AtomicOutput out;
    private boolean started;

    public HtmlReport(AtomicOutput out) {
        this.out = out;
    }

    private void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        Writer w = out.writer();
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>stance report</title>"
                + "<style>" + CSS + "</style></head><body>\n<h1>stance report</h1>\n<p class=\"legend\">");
        for (String label : Task.STANCE.labels()) {
            w.write("<span class=\"" + label + "\">" + label + "</span>");
        }
        w.write("</p>\n");
    }

    @Override
    public void accept(ArticleResult r) throws IOException {
        start();
        Writer w = out.writer();
        w.write("<section><h2>" + escape(r.article().id()) + "</h2>\n");
        if (r.failed()) {
            w.write("<p class=\"error\">" + escape(r.error()) + "</p></section>\n");
            return;
        }
        ArticleSummary s = ArticleSummary.of(r);
        w.write("<p class=\"meta\">language " + escape(r.lang()) + ", " + s.statements() + " statement(s) in "
                + s.sentences() + " sentence(s)</p>\n<div class=\"article\">");
        String text = r.article().text();
        int pos = 0;
        for (ScoredSentence sent : r.sentences()) {
            if (!sent.kind().equals(dev.stance.statements.StatementKind.NARRATION) && sent.start() >= pos) {
                w.write(escape(text.substring(pos, sent.start())));
                var st = sent.prediction().get(Task.STANCE);
                String title = (sent.speaker() == null ? "unknown speaker" : sent.speaker()) + " · " + sent.kind().key()
                        + " · " + st.label() + String.format(Locale.ROOT, " %.2f", st.probability()) + " · "
                        + sent.prediction().get(Task.OPENNESS).label();
                w.write("<mark class=\"" + st.label() + "\" title=\"" + escape(title) + "\">"
                        + escape(text.substring(sent.start(), sent.end())) + "</mark>");
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

    private static String cell(ArticleSummary.SpeakerSummary sp, Task t) {
        String d = sp.dominant(t);
        return escape(d) + " (" + sp.counts().get(t).get(d) + ")";
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
        start();
        out.writer().write("</body></html>\n");
        out.commit();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

package dev.stance.report;

import dev.stance.data.Task;
import dev.stance.score.ScoredSentence;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The report's overview across all articles: per speaker the number of articles and statements, the stance and
 * openness mix and the most hostile and most rhetorical statement (linked to its place in the text), as an inline
 * SVG chart and as tables pre-sorted four ways (the page has no scripts to sort with). Holds one small tally per
 * distinct speaker, not the statements, so memory does not grow with the number of articles.
 */
final class Overview {
    /** Speakers drawn in the chart; the tables list every speaker. */
    static final int CHART_SPEAKERS = 15;
    private static final int SNIPPET = 90;
    private static final String UNKNOWN = "(unknown speaker)";
    private static final int ROW = 36;
    private static final int NAME_WIDTH = 220;
    private static final int BAR_WIDTH = 460;
    private static final int BAR_HEIGHT = 13;

    /** A statement a table cell links to: its anchor in the page, a snippet of its text and the label's probability. */
    record Ref(String anchor, String article, String text, double p) {
    }

    /** One speaker's counts over all articles. */
    static final class Tally {
        final String speaker;
        /** Article numbers this speaker has statements in. */
        final Set<Integer> articles = new TreeSet<>();
        int statements;
        final Map<Task, int[]> counts = new LinkedHashMap<>();
        Ref mostHostile;
        Ref mostRhetorical;

        Tally(String speaker) {
            this.speaker = speaker;
            for (Task t : Task.values()) {
                counts.put(t, new int[t.labels().size()]);
            }
        }

        int count(Task t, String label) {
            return counts.get(t)[t.labels().indexOf(label)];
        }

        double share(Task t, String label) {
            return statements == 0 ? 0 : count(t, label) / (double) statements;
        }
    }

    private final Map<String, Tally> speakers = new LinkedHashMap<>();
    private int articles;
    private int failed;
    private int sentences;
    private int statements;
    private final Map<Task, int[]> totals = new LinkedHashMap<>();

    Overview() {
        for (Task t : Task.values()) {
            totals.put(t, new int[t.labels().size()]);
        }
    }

    void addFailed() {
        articles++;
        failed++;
    }

    void addArticle(int sentenceCount) {
        articles++;
        sentences += sentenceCount;
    }

    /** Counts one statement (never narration) of article number {@code article}, anchored at {@code anchor}. */
    void addStatement(int article, String articleId, String anchor, ScoredSentence s) {
        String name = s.speaker() == null ? UNKNOWN : s.speaker();
        Tally tally = speakers.computeIfAbsent(name, Tally::new);
        tally.articles.add(article);
        tally.statements++;
        statements++;
        for (Task t : Task.values()) {
            int i = t.labels().indexOf(s.prediction().get(t).label());
            tally.counts.get(t)[i]++;
            totals.get(t)[i]++;
        }
        String file = articleId.substring(articleId.lastIndexOf('/') + 1);
        tally.mostHostile = stronger(tally.mostHostile, refTo(s, Task.STANCE, "hostile", anchor, file));
        tally.mostRhetorical = stronger(tally.mostRhetorical, refTo(s, Task.OPENNESS, "rhetorical", anchor, file));
    }

    private static Ref stronger(Ref a, Ref b) {
        return a == null || (b != null && b.p() > a.p()) ? b : a;
    }

    /**
     * Speaker names are resolved per article, so an article that names only "Putin" and another that names
     * "Vladimir Putin" give two tallies: a one-word name that is the last word of exactly one longer name is
     * counted under that name.
     */
    private List<Tally> merged() {
        Map<String, Tally> out = new LinkedHashMap<>(speakers);
        for (Tally t : speakers.values()) {
            if (t.speaker.equals(UNKNOWN) || t.speaker.contains(" ")) {
                continue;
            }
            List<Tally> full = speakers.values().stream()
                    .filter(o -> o.speaker.endsWith(" " + t.speaker) && !o.speaker.equals(UNKNOWN)).toList();
            if (full.size() == 1) {
                Tally into = full.get(0);
                out.remove(t.speaker);
                into.articles.addAll(t.articles);
                into.statements += t.statements;
                for (Task task : Task.values()) {
                    for (int i = 0; i < task.labels().size(); i++) {
                        into.counts.get(task)[i] += t.counts.get(task)[i];
                    }
                }
                into.mostHostile = stronger(into.mostHostile, t.mostHostile);
                into.mostRhetorical = stronger(into.mostRhetorical, t.mostRhetorical);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** A reference to {@code s} when it is labelled {@code label}, else null: only such statements compete. */
    private static Ref refTo(ScoredSentence s, Task t, String label, String anchor, String article) {
        var pred = s.prediction().get(t);
        if (!pred.label().equals(label)) {
            return null;
        }
        String text = s.text().strip();
        if (text.length() > SNIPPET) {
            text = text.substring(0, SNIPPET - 1).strip() + "…";
        }
        return new Ref(anchor, article, text, pred.probability());
    }

    /** Writes the overview: totals, chart and the pre-sorted tables. Call once: it merges tallies in place. */
    void write(Writer w) throws IOException {
        w.write("<div class=\"overview\" id=\"overview\"><h2>Overview: all articles</h2>\n<p>" + articles
                + " article(s)" + (failed > 0 ? " (" + failed + " failed)" : "") + ", "
                + HtmlReport.counted(statements, sentences) + ". Stance: " + mix(totals.get(Task.STANCE), Task.STANCE)
                + ". Openness: " + mix(totals.get(Task.OPENNESS), Task.OPENNESS) + ".</p>\n");
        if (speakers.isEmpty()) {
            w.write("<p>No statements.</p></div>\n");
            return;
        }
        List<Tally> all = merged();
        List<Tally> byStatements = sorted(all, Comparator.comparingInt((Tally t) -> -t.statements));
        writeChart(w, byStatements.subList(0, Math.min(CHART_SPEAKERS, byStatements.size())));
        writeTable(w, "Speakers by number of statements", byStatements, true);
        writeTable(w, "Speakers by share of hostile statements",
                sorted(all, Comparator.comparingDouble((Tally t) -> -t.share(Task.STANCE, "hostile"))), false);
        writeTable(w, "Speakers by share of rhetorical openness",
                sorted(all, Comparator.comparingDouble((Tally t) -> -t.share(Task.OPENNESS, "rhetorical"))), false);
        writeTable(w, "Speakers by name", sorted(all, Comparator.comparing((Tally t) -> t.speaker.equals(UNKNOWN))
                .thenComparing(t -> t.speaker.toLowerCase(Locale.ROOT))),
                false);
        w.write("</div>\n");
    }

    /** All tallies by {@code order}, then by more statements, then by name: each table has one fixed order. */
    private static List<Tally> sorted(List<Tally> all, Comparator<Tally> order) {
        List<Tally> out = new ArrayList<>(all);
        out.sort(order.thenComparingInt((Tally t) -> -t.statements)
                .thenComparing((Tally t) -> t.speaker.toLowerCase(Locale.ROOT)).thenComparing(t -> t.speaker));
        return out;
    }

    private static String mix(int[] counts, Task t) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                parts.add(t.labels().get(i) + " " + counts[i]);
            }
        }
        return parts.isEmpty() ? "none" : String.join(" · ", parts);
    }

    private void writeTable(Writer w, String title, List<Tally> rows, boolean open) throws IOException {
        w.write("<details" + (open ? " open=\"open\"" : "") + "><summary>" + HtmlReport.escape(title)
                + "</summary>\n<table><tr><th>speaker</th><th>articles</th><th>statements</th><th>stance mix</th>"
                + "<th>openness mix</th><th>most hostile statement</th><th>most rhetorical statement</th></tr>\n");
        for (Tally t : rows) {
            w.write("<tr><td>" + HtmlReport.escape(t.speaker) + "</td><td>" + t.articles.size() + "</td><td>" + t.statements
                    + "</td><td>" + mix(t.counts.get(Task.STANCE), Task.STANCE) + "</td><td>"
                    + mix(t.counts.get(Task.OPENNESS), Task.OPENNESS) + "</td><td class=\"st\">" + link(t.mostHostile)
                    + "</td><td class=\"st\">" + link(t.mostRhetorical) + "</td></tr>\n");
        }
        w.write("</table></details>\n");
    }

    private static String link(Ref r) {
        if (r == null) {
            return "—";
        }
        return "<a href=\"#" + r.anchor() + "\">" + HtmlReport.escape(r.text()) + "</a> <span class=\"meta\">("
                + String.format(Locale.ROOT, "p %.2f", r.p()) + ", " + HtmlReport.escape(r.article()) + ")</span>";
    }

    /**
     * One row per speaker: the upper bar is the stance mix, the lower the openness mix (rhetorical striped, so it
     * reads without colour); bar length is the number of statements. Each segment has a hover title.
     */
    private static void writeChart(Writer w, List<Tally> rows) throws IOException {
        int max = rows.stream().mapToInt(t -> t.statements).max().orElse(1);
        int width = NAME_WIDTH + BAR_WIDTH + 60;
        int height = rows.size() * ROW + 8;
        w.write("<figure><svg class=\"chart\" role=\"img\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\"><title>Statements per speaker, stance and openness "
                + "mix</title><defs><pattern id=\"rhetorical-stripes\" width=\"6\" height=\"6\" "
                + "patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><rect width=\"3\" "
                + "height=\"6\" fill=\"" + HtmlReport.OPENNESS_COLOURS.get("rhetorical") + "\"/></pattern></defs>\n");
        for (int i = 0; i < rows.size(); i++) {
            Tally t = rows.get(i);
            int y = 4 + i * ROW;
            String name = t.speaker.length() > 30 ? t.speaker.substring(0, 29) + "…" : t.speaker;
            w.write("<text x=\"" + (NAME_WIDTH - 8) + "\" y=\"" + (y + BAR_HEIGHT + 4) + "\" text-anchor=\"end\">"
                    + HtmlReport.escape(name) + "<title>" + HtmlReport.escape(t.speaker) + "</title></text>");
            double scale = BAR_WIDTH / (double) max;
            bar(w, t, Task.STANCE, y, scale, label -> HtmlReport.LABEL_COLOURS.get(label));
            bar(w, t, Task.OPENNESS, y + BAR_HEIGHT + 2, scale, label -> label.equals("rhetorical")
                    ? "url(#rhetorical-stripes)" : HtmlReport.OPENNESS_COLOURS.get(label));
            w.write("<text x=\"" + (NAME_WIDTH + (int) Math.round(scale * t.statements) + 6) + "\" y=\""
                    + (y + BAR_HEIGHT + 4) + "\">" + t.statements + "</text>\n");
        }
        w.write("</svg><figcaption>Per speaker (the " + rows.size() + " with most statements): upper bar stance "
                + "(colours as in the legend), lower bar openness (solid blue real, striped rhetorical, grey none); "
                + "length is the number of statements. Hover a segment for its count.</figcaption></figure>\n");
    }

    private static void bar(Writer w, Tally t, Task task, int y, double scale, Function<String, String> fill)
            throws IOException {
        double x = NAME_WIDTH;
        for (String label : task.labels()) {
            int n = t.count(task, label);
            if (n == 0) {
                continue;
            }
            double width = n * scale;
            w.write(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" "
                    + "stroke=\"#ffffff\" stroke-width=\"1\"><title>", x, y, width, BAR_HEIGHT, fill.apply(label))
                    + HtmlReport.escape(t.speaker + ": " + task.key() + " " + label + ", " + n + " of " + t.statements)
                    + "</title></rect>");
            x += width;
        }
    }
}

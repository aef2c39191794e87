package dev.stance.score;

import dev.stance.data.Task;
import dev.stance.model.TaskPrediction;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV with one probability column per label; failed inputs fill only article and error. */
public final class CsvResultWriter implements ResultWriter {
    private final AtomicOutput out;
    private boolean headerWritten;

    public CsvResultWriter(AtomicOutput out) {
        this.out = out;
    }

    static List<String> header() {
        List<String> h = new ArrayList<>(List.of("article", "article_sha256", "index", "start", "end", "text",
                "lang", "kind", "speaker"));
        for (Task t : Task.values()) {
            h.add(t.key());
            for (String l : t.labels()) {
                h.add("p_" + t.key() + "_" + l);
            }
        }
        h.add("model");
        h.add("model_sha256");
        h.add("error");
        return h;
    }

    private void ensureHeader() throws IOException {
        if (!headerWritten) {
            row(header());
            headerWritten = true;
        }
    }

    @Override
    public void write(ScoredSentence s) throws IOException {
        ensureHeader();
        List<String> r = new ArrayList<>(List.of(s.article(), s.articleSha256(), Integer.toString(s.index()),
                Integer.toString(s.start()), Integer.toString(s.end()), s.text(), s.lang(), s.kind().key(),
                s.speaker() == null ? "" : s.speaker()));
        for (Task t : Task.values()) {
            TaskPrediction p = s.prediction().get(t);
            r.add(p.label());
            for (String l : t.labels()) {
                r.add(Double.toString(JsonlResultWriter.round(p.p().get(l))));
            }
        }
        r.add(s.model());
        r.add(s.modelSha256() == null ? "" : s.modelSha256());
        r.add("");
        row(r);
    }

    @Override
    public void writeError(String article, String error) throws IOException {
        ensureHeader();
        List<String> r = new ArrayList<>();
        r.add(article);
        while (r.size() < header().size() - 1) {
            r.add("");
        }
        r.add(error);
        row(r);
    }

    private void row(List<String> cells) throws IOException {
        Writer w = out.writer();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells.get(i)));
        }
        w.write("\r\n");
    }

    /**
     * One RFC 4180 cell. A cell that a spreadsheet would run as a formula (starting with = + - @, tab or
     * carriage return) gets a leading apostrophe, the usual guard: the value shows as text.
     */
    static String quote(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void commit() throws IOException {
        ensureHeader();
        out.commit();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

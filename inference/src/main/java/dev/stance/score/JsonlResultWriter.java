package dev.stance.score;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stance.data.Task;
import dev.stance.model.TaskPrediction;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;

/**
 * JSON Lines: one object per sentence, {@code {"article","error"}} for a failed input. A file output ends with
 * the lines a resumed run keeps (except those of articles scored again in this run) and then the completion
 * marker of {@link ResumeState}.
 */
public final class JsonlResultWriter implements ResultWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicOutput out;
    private final ResumeState resumed;
    private final Set<String> written = new HashSet<>();
    private long lines;

    public JsonlResultWriter(AtomicOutput out) {
        this(out, ResumeState.empty());
    }

    /** {@code resumed}: what an earlier run wrote; the lines it keeps are carried over on commit. */
    public JsonlResultWriter(AtomicOutput out, ResumeState resumed) {
        this.out = out;
        this.resumed = resumed;
    }

    @Override
    public void write(ScoredSentence s) throws IOException {
        Writer w = out.writer();
        try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("article", s.article());
            if (s.url() != null) {
                g.writeStringField("url", s.url());
            }
            if (s.date() != null) {
                g.writeStringField("date", s.date());
            }
            g.writeStringField("article_sha256", s.articleSha256());
            g.writeNumberField("index", s.index());
            g.writeNumberField("start", s.start());
            g.writeNumberField("end", s.end());
            g.writeStringField("text", s.text());
            g.writeStringField("lang", s.lang());
            g.writeStringField("kind", s.kind().key());
            g.writeStringField("speaker", s.speaker());
            for (Task task : Task.values()) {
                TaskPrediction p = s.prediction().get(task);
                g.writeObjectFieldStart(task.key());
                g.writeStringField("label", p.label());
                g.writeObjectFieldStart("p");
                for (Map.Entry<String, Double> e : p.p().entrySet()) {
                    g.writeNumberField(e.getKey(), round(e.getValue()));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeStringField("model", s.model());
            g.writeStringField("model_sha256", s.modelSha256());
            g.writeEndObject();
        }
        w.write('\n');
        lines++;
        written.add(s.article());
    }

    @Override
    public void writeError(String article, String error) throws IOException {
        Writer w = out.writer();
        try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("article", article);
            g.writeStringField("error", error);
            g.writeEndObject();
        }
        w.write('\n');
        lines++;
        written.add(article);
    }

    static double round(double p) {
        return Math.round(p * 1e4) / 1e4;
    }

    @Override
    public void commit() throws IOException {
        for (ResumeState.Kept k : resumed.kept()) {
            if (resumed.keeps(k, written)) {
                out.writer().write(k.line());
                out.writer().write('\n');
                lines++;
            }
        }
        if (out.isFile()) {
            out.writer().write(ResumeState.marker(lines));
            out.writer().write('\n');
        }
        out.commit();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

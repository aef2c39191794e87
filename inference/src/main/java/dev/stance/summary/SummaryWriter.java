package dev.stance.summary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stance.data.Task;
import dev.stance.score.ArticleListener;
import dev.stance.score.ArticleResult;
import dev.stance.score.AtomicOutput;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes one JSON object per article ({@code --summary}); a failed article gets {@code {"article","error"}}.
 * The file appears atomically when the run finishes.
 */
public final class SummaryWriter implements ArticleListener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicOutput out;
    private final String model;
    private final String modelSha256;

    public SummaryWriter(AtomicOutput out) {
        this(out, null, null);
    }

    /** Each scored article's object also names the model and its short manifest SHA-256 (when not null). */
    public SummaryWriter(AtomicOutput out, String model, String modelSha256) {
        this.out = out;
        this.model = model;
        this.modelSha256 = modelSha256;
    }

    @Override
    public void accept(ArticleResult r) throws IOException {
        Writer w = out.writer();
        try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("article", r.article().id());
            for (String[] meta : new String[][] {{"url", r.article().url()}, {"date", r.article().date()},
                    {"title", r.article().title()}}) {
                if (meta[1] != null) {
                    g.writeStringField(meta[0], meta[1]);
                }
            }
            if (r.failed()) {
                g.writeStringField("error", r.error());
            } else {
                write(g, ArticleSummary.of(r));
                if (model != null) {
                    g.writeStringField("model", model);
                    g.writeStringField("model_sha256", modelSha256);
                }
            }
            g.writeEndObject();
        }
        w.write('\n');
    }

    private static void write(JsonGenerator g, ArticleSummary s) throws IOException {
        g.writeStringField("article_sha256", s.sha256());
        g.writeStringField("lang", s.lang());
        g.writeNumberField("sentences", s.sentences());
        g.writeNumberField("statements", s.statements());
        for (Task t : Task.values()) {
            counts(g, t.key(), s.counts().get(t));
        }
        g.writeArrayFieldStart("speakers");
        for (ArticleSummary.SpeakerSummary sp : s.speakers()) {
            g.writeStartObject();
            g.writeStringField("speaker", sp.speaker());
            g.writeNumberField("statements", sp.statements());
            for (Task t : Task.values()) {
                g.writeObjectFieldStart(t.key());
                g.writeStringField("dominant", sp.dominant(t));
                counts(g, "counts", sp.counts().get(t));
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        top(g, "top_hostile", s.topHostile());
        top(g, "top_rhetorical", s.topRhetorical());
    }

    private static void counts(JsonGenerator g, String field, Map<String, Integer> m) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void top(JsonGenerator g, String field, List<ArticleSummary.Top> tops) throws IOException {
        g.writeArrayFieldStart(field);
        for (ArticleSummary.Top t : tops) {
            g.writeStartObject();
            g.writeNumberField("index", t.index());
            g.writeStringField("text", t.text());
            g.writeNumberField("p", Math.round(t.p() * 1e4) / 1e4);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    @Override
    public void finish() throws IOException {
        out.commit();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

package dev.stance.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.RecordError;
import dev.stance.data.DataFormatException;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.data.Task;
import dev.stance.model.StatementPrediction;
import dev.stance.model.TaskPrediction;
import dev.stance.score.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue format: statement records (without labels) plus {@code group}, {@code suggestion} (per task the
 * label and probabilities, as {@code score} writes them), {@code model} and {@code reason}:
 * <pre>{"id":"…","text":"…","context":"…","speaker":"…","lang":"en","source":"…","group":"…",
 *  "suggestion":{"stance":{"label":"hostile","p":{…}},"openness":{"label":"none","p":{…}}},
 *  "model":"ngram-v5","reason":"mean entropy 0.912 (…), rank 3 of 840"}</pre>
 */
public final class QueueFile {
    static final ObjectMapper JSON = new ObjectMapper();

    private QueueFile() {
    }

    /** Writes the queue atomically (a temporary file renamed when complete). */
    public static void write(Path file, List<QueueItem> items) throws IOException {
        try (AtomicOutput out = AtomicOutput.toFile(file)) {
            for (QueueItem q : items) {
                out.writer().write(JSON.writeValueAsString(toJson(q)));
                out.writer().write('\n');
            }
            out.commit();
        }
    }

    /** The JSON object of one queue item (labels left out). */
    public static ObjectNode toJson(QueueItem q) {
        ObjectNode o = statementJson(q.statement());
        o.put("group", q.group());
        if (q.suggestion() != null) {
            o.set("suggestion", predictionJson(q.suggestion()));
        }
        o.put("model", q.model());
        o.put("reason", q.reason());
        return o;
    }

    /** The statement-record fields of {@code s} (labels and split only when set). */
    public static ObjectNode statementJson(Statement s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("text", s.text());
        o.put("context", s.context());
        o.put("speaker", s.speaker());
        o.put("lang", s.lang());
        if (s.stance() != null) {
            o.put("stance", s.stance());
        }
        if (s.openness() != null) {
            o.put("openness", s.openness());
        }
        o.put("source", s.source());
        if (s.split() != null) {
            o.put("split", s.split());
        }
        if (s.family() != null) {
            o.put("family", s.family());
        }
        return o;
    }

    static ObjectNode predictionJson(StatementPrediction p) {
        ObjectNode o = JSON.createObjectNode();
        for (Task t : Task.values()) {
            ObjectNode task = o.putObject(t.key());
            task.put("label", p.get(t).label());
            ObjectNode probs = task.putObject("p");
            p.get(t).p().forEach((label, q) -> probs.put(label, Math.round(q * 1e4) / 1e4));
        }
        return o;
    }

    /** Reads a queue; throws {@link DataFormatException} naming every bad line (file:line). */
    public static List<QueueItem> read(Path file) throws IOException {
        List<QueueItem> out = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                QueueItem q = parse(line);
                if (!ids.add(q.statement().id())) {
                    throw new IllegalArgumentException("duplicate id '" + q.statement().id() + "'");
                }
                out.add(q);
            } catch (IllegalArgumentException e) {
                errors.add(new RecordError(file.toString(), i + 1, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new DataFormatException(errors);
        }
        return out;
    }

    static QueueItem parse(String line) {
        Statement s = StatementReader.parse(line);
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        Statement unlabelled = new Statement(s.id(), s.text(), s.context(), s.speaker(), s.lang(), null, null,
                s.source(), null, s.family());
        String group = text(node, "group");
        return new QueueItem(unlabelled, group == null ? s.id() : group, prediction(node.get("suggestion"), s.id()),
                text(node, "model"), text(node, "reason"));
    }

    private static StatementPrediction prediction(JsonNode node, String id) {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<Task, TaskPrediction> tasks = new EnumMap<>(Task.class);
        for (Task t : Task.values()) {
            JsonNode tn = node.get(t.key());
            if (tn == null || !tn.path("label").isTextual() || !t.isLabel(tn.path("label").asText())) {
                throw new IllegalArgumentException("record '" + id + "': suggestion." + t.key()
                        + ".label must be one of " + t.labels());
            }
            Map<String, Double> p = new LinkedHashMap<>();
            for (String label : t.labels()) {
                p.put(label, tn.path("p").path(label).asDouble(label.equals(tn.get("label").asText()) ? 1 : 0));
            }
            tasks.put(t, new TaskPrediction(tn.get("label").asText(), p));
        }
        return new StatementPrediction(tasks);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}

package dev.stance.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.DataFormatException;
import dev.stance.data.RecordError;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.score.AtomicOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue in Label Studio's JSON task format, and its export back into labelled records.
 *
 * <p>Export: one task per queue item, {@code data} holding the statement's fields (our {@code id} as
 * {@code data.id}; Label Studio numbers tasks itself), and the model's suggestion as a prediction with one
 * {@code choices} result per task ({@code from_name} stance or openness, {@code to_name} text), scored by its
 * mean entropy. {@link #LABEL_CONFIG} is the matching labelling interface.
 *
 * <p>Import: a Label Studio JSON export; per task the last annotation that was not cancelled gives the labels
 * (status {@code labelled}); a task without one is {@code skipped}. The records read as the {@code label} app's
 * answers, so {@code data merge} takes either.
 */
public final class LabelStudio {
    /** The labelling interface for the exported tasks (paste into the project's Labeling Setup, Code view). */
    public static final String LABEL_CONFIG = """
            <View>
              <Header value="$speaker ($lang), $source"/>
              <Text name="context" value="$context"/>
              <Text name="text" value="$text"/>
              <Choices name="stance" toName="text" choice="single-radio" showInline="true" required="true">
                <Choice value="conciliatory" hotkey="1"/>
                <Choice value="hostile" hotkey="2"/>
                <Choice value="skeptical" hotkey="3"/>
                <Choice value="neutral" hotkey="4"/>
              </Choices>
              <Choices name="openness" toName="text" choice="single-radio" showInline="true" required="true">
                <Choice value="real" hotkey="q"/>
                <Choice value="rhetorical" hotkey="w"/>
                <Choice value="none" hotkey="e"/>
              </Choices>
            </View>
            """;

    private LabelStudio() {
    }

    /** Writes the tasks JSON array atomically. */
    public static void export(List<QueueItem> queue, Path out) throws IOException {
        ArrayNode tasks = QueueFile.JSON.createArrayNode();
        for (QueueItem q : queue) {
            ObjectNode task = tasks.addObject();
            ObjectNode data = task.putObject("data");
            Statement s = q.statement();
            data.put("id", s.id());
            data.put("text", s.text());
            data.put("context", s.context() == null ? "" : s.context());
            data.put("speaker", s.speaker() == null ? "" : s.speaker());
            data.put("lang", s.lang() == null ? "" : s.lang());
            data.put("source", s.source() == null ? "" : s.source());
            data.put("group", q.group());
            if (q.reason() != null) {
                data.put("reason", q.reason());
            }
            if (q.suggestion() != null) {
                ObjectNode pred = task.putArray("predictions").addObject();
                pred.put("model_version", q.model() == null ? "stance" : q.model());
                pred.put("score", Math.round((1 - Uncertainty.meanEntropy(q.suggestion())) * 1e4) / 1e4);
                ArrayNode result = pred.putArray("result");
                for (Task t : Task.values()) {
                    ObjectNode r = result.addObject();
                    r.put("from_name", t.key());
                    r.put("to_name", "text");
                    r.put("type", "choices");
                    r.putObject("value").putArray("choices").add(q.suggestion().get(t).label());
                }
            }
        }
        try (AtomicOutput o = AtomicOutput.toFile(out)) {
            o.writer().write(QueueFile.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tasks));
            o.writer().write('\n');
            o.commit();
        }
    }

    /**
     * Reads a Label Studio JSON export into answer records (statement fields, labels, {@code status},
     * {@code group}); throws {@link DataFormatException} naming each bad task by its position.
     */
    public static List<ObjectNode> importExport(Path file) throws IOException {
        JsonNode root;
        try {
            root = QueueFile.JSON.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DataFormatException(List.of(new RecordError(file.toString(), 0, "not valid JSON: "
                    + e.getOriginalMessage())));
        }
        if (root == null || !root.isArray()) {
            throw new DataFormatException(List.of(new RecordError(file.toString(), 0,
                    "expected a JSON array of tasks (Label Studio's JSON export)")));
        }
        List<ObjectNode> out = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode task = root.get(i);
            JsonNode data = task.path("data");
            String where = "task " + (i + 1) + (task.has("id") ? " (Label Studio id " + task.get("id").asText() + ")" : "");
            if (!data.path("id").isTextual() || !data.path("text").isTextual()) {
                errors.add(new RecordError(file.toString(), i + 1, where + ": data.id and data.text are required"));
                continue;
            }
            ObjectNode rec = QueueFile.JSON.createObjectNode();
            for (String f : List.of("id", "text", "context", "speaker", "lang", "source", "group")) {
                String v = data.path(f).asText("");
                if (!v.isEmpty() || f.equals("id") || f.equals("text")) {
                    rec.put(f, v);
                }
            }
            JsonNode annotation = null;
            for (JsonNode a : task.path("annotations")) {
                if (!a.path("was_cancelled").asBoolean(false)) {
                    annotation = a;
                }
            }
            if (annotation == null) {
                rec.put("status", "skipped");
                out.add(rec);
                continue;
            }
            String problem = null;
            for (Task t : Task.values()) {
                String label = choice(annotation.path("result"), t.key());
                if (label == null || !t.isLabel(label)) {
                    problem = where + ": annotation has no valid " + t.key() + " choice (" + label + ")";
                    break;
                }
                rec.put(t.key(), label);
            }
            if (problem != null) {
                errors.add(new RecordError(file.toString(), i + 1, problem));
                continue;
            }
            rec.put("status", "labelled");
            out.add(rec);
        }
        if (!errors.isEmpty()) {
            throw new DataFormatException(errors);
        }
        return out;
    }

    private static String choice(JsonNode results, String fromName) {
        for (JsonNode r : results) {
            if (fromName.equals(r.path("from_name").asText()) && r.path("value").path("choices").size() == 1) {
                return r.path("value").path("choices").get(0).asText();
            }
        }
        return null;
    }
}

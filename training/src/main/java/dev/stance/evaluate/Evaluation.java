package dev.stance.evaluate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Task;
import dev.stance.model.Json;
import java.util.Map;

/**
 * The result of evaluating one model on one data set: metrics per task, and per language per task.
 *
 * @param model model id
 * @param n number of records evaluated
 * @param tasks metrics per task over all records that have that task's label
 * @param byLang the same per language (the record's {@code lang}, detected when absent)
 */
public record Evaluation(String model, int n, Map<Task, ClassMetrics> tasks,
                         Map<String, Map<Task, ClassMetrics>> byLang) {

    /** The JSON object {@code evaluate --json} prints. */
    public ObjectNode toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("model", model);
        root.put("n", n);
        ObjectNode t = root.putObject("tasks");
        for (Map.Entry<Task, ClassMetrics> e : tasks.entrySet()) {
            t.set(e.getKey().key(), full(e.getValue()));
        }
        ObjectNode langs = root.putObject("by_lang");
        for (Map.Entry<String, Map<Task, ClassMetrics>> e : byLang.entrySet()) {
            ObjectNode l = langs.putObject(e.getKey());
            for (Map.Entry<Task, ClassMetrics> m : e.getValue().entrySet()) {
                headline(l.putObject(m.getKey().key()), m.getValue());
            }
        }
        return root;
    }

    /** Headline figures (n, macro-F1, accuracy) per task, for manifests. */
    public static ObjectNode headline(Map<Task, ClassMetrics> tasks) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (Map.Entry<Task, ClassMetrics> e : tasks.entrySet()) {
            headline(o.putObject(e.getKey().key()), e.getValue());
        }
        return o;
    }

    /** n, macro-F1 and accuracy into {@code o}; the metrics are null when undefined (n = 0). */
    private static ObjectNode headline(ObjectNode o, ClassMetrics m) {
        o.put("n", m.n());
        if (m.defined()) {
            o.put("macro_f1", m.macroF1());
            o.put("accuracy", m.accuracy());
        } else {
            o.putNull("macro_f1");
            o.putNull("accuracy");
        }
        return o;
    }

    /** Everything about one task; only n and null metrics when it has no labelled record. */
    static ObjectNode full(ClassMetrics m) {
        ObjectNode o = headline(Json.MAPPER.createObjectNode(), m);
        if (!m.defined()) {
            return o;
        }
        ObjectNode per = o.putObject("per_class");
        for (Map.Entry<String, ClassMetrics.PerClass> e : m.perClass().entrySet()) {
            ObjectNode c = per.putObject(e.getKey());
            c.put("precision", e.getValue().precision());
            c.put("recall", e.getValue().recall());
            c.put("f1", e.getValue().f1());
            c.put("support", e.getValue().support());
        }
        ObjectNode cm = o.putObject("confusion");
        cm.put("rows", "gold");
        cm.put("columns", "predicted");
        var labels = cm.putArray("labels");
        m.labels().forEach(labels::add);
        var matrix = cm.putArray("matrix");
        for (long[] row : m.confusion()) {
            var r = matrix.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        return o;
    }

    /** Macro-F1 of one task over all records (0 when undefined; see {@link ClassMetrics#defined()}). */
    public double macroF1(Task task) {
        return tasks.get(task).macroF1();
    }
}

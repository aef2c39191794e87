package dev.stance.evaluate;

import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.lang.LanguageIdentifier;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scores labelled statements with a model and compares with the gold labels. */
public final class Evaluator {
    private Evaluator() {
    }

    public static Evaluation evaluate(StanceModel model, List<Statement> data) {
        List<StatementInput> inputs = data.stream().map(s -> new StatementInput(s.text(), s.context())).toList();
        return evaluate(model.id(), data, model.predict(inputs));
    }

    /** Compares predictions (aligned with {@code data}) with gold labels. */
    public static Evaluation evaluate(String modelId, List<Statement> data, List<StatementPrediction> preds) {
        Map<Task, ClassMetrics> tasks = new EnumMap<>(Task.class);
        Map<String, Map<Task, ClassMetrics>> byLang = new TreeMap<>();
        List<String> langs = data.stream().map(Evaluator::langOf).toList();
        for (Task task : Task.values()) {
            tasks.put(task, metrics(task, data, preds, null, langs));
            for (String lang : new java.util.TreeSet<>(langs)) {
                ClassMetrics m = metrics(task, data, preds, lang, langs);
                if (m.n() > 0) {
                    byLang.computeIfAbsent(lang, k -> new EnumMap<>(Task.class)).put(task, m);
                }
            }
        }
        return new Evaluation(modelId, data.size(), tasks, byLang);
    }

    private static ClassMetrics metrics(Task task, List<Statement> data, List<StatementPrediction> preds,
                                        String lang, List<String> langs) {
        List<String> gold = new ArrayList<>();
        List<String> pred = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String g = data.get(i).label(task);
            if (g == null || (lang != null && !lang.equals(langs.get(i)))) {
                continue;
            }
            gold.add(g);
            pred.add(preds.get(i).get(task).label());
        }
        return ClassMetrics.of(task.labels(), gold, pred);
    }

    static String langOf(Statement s) {
        return s.lang() != null ? s.lang() : LanguageIdentifier.get().detect(s.text());
    }
}

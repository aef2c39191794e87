package dev.stance.cli;

import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.data.Task;
import dev.stance.evaluate.ClassMetrics;
import dev.stance.evaluate.Evaluation;
import dev.stance.evaluate.Evaluator;
import dev.stance.model.Json;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stance evaluate}: metrics of a model on labelled statements. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score labelled statements and report accuracy, macro-F1, per-class figures and confusion"
                + " matrices, overall and per language.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Model id, folder, or 'default' (the default).")
    String model;

    @Option(names = "--data", required = true, arity = "1..*", description = "Statement JSONL files.")
    List<Path> data;

    @Option(names = "--split", description = "Only records of this split (train, dev, test).")
    String split;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
    boolean json;

    @Option(names = "--predictions", description = "Also write one JSON line per record (id, lang, gold and predicted"
            + " labels, probabilities) to this file, for error analysis.")
    Path predictions;

    @Override
    public Integer call() throws Exception {
        List<Statement> records = StatementReader.readAll(data);
        if (split != null) {
            records = records.stream().filter(s -> split.equals(s.split())).toList();
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records to evaluate");
        }
        if (records.stream().noneMatch(s -> s.stance() != null || s.openness() != null)) {
            throw new IllegalArgumentException("none of the " + records.size() + " records"
                    + (split != null ? " of split " + split : "") + " has a stance or openness label: nothing to"
                    + " evaluate against");
        }
        Evaluation ev;
        List<StatementPrediction> preds;
        try (StanceModel m = ModelStore.local().load(model)) {
            preds = m.predict(records.stream().map(s -> new StatementInput(s.text(), s.context())).toList());
            ev = Evaluator.evaluate(m.id(), records, preds);
        }
        if (predictions != null) {
            writePredictions(records, preds);
        }
        if (json) {
            System.out.println(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(ev.toJson()));
            return ExitCodes.OK;
        }
        System.out.printf(Locale.ROOT, "model %s on %d statements%n%n", ev.model(), ev.n());
        for (Map.Entry<Task, ClassMetrics> e : ev.tasks().entrySet()) {
            ClassMetrics m = e.getValue();
            if (!m.defined()) {
                System.out.printf(Locale.ROOT, "%s: undefined, no record is labelled for it (n=0)%n%n",
                        e.getKey().key());
                continue;
            }
            System.out.printf(Locale.ROOT, "%s: macro-F1 %.3f, accuracy %.3f (n=%d)%n", e.getKey().key(),
                    m.macroF1(), m.accuracy(), m.n());
            System.out.printf(Locale.ROOT, "  %-13s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support");
            m.perClass().forEach((label, c) -> System.out.printf(Locale.ROOT, "  %-13s %9.3f %9.3f %9.3f %8d%n",
                    label, c.precision(), c.recall(), c.f1(), c.support()));
            System.out.printf(Locale.ROOT, "  confusion (rows gold, columns predicted: %s)%n", m.labels());
            for (int i = 0; i < m.labels().size(); i++) {
                StringBuilder row = new StringBuilder();
                for (long v : m.confusion()[i]) {
                    row.append(String.format(Locale.ROOT, "%6d", v));
                }
                System.out.printf(Locale.ROOT, "  %-13s%s%n", m.labels().get(i), row);
            }
            System.out.println();
        }
        System.out.println("per language (macro-F1):");
        ev.byLang().forEach((lang, tasks) -> {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-4s", lang));
            tasks.forEach((t, m) -> sb.append(String.format(Locale.ROOT, "  %s %.3f (n=%d)", t.key(), m.macroF1(), m.n())));
            System.out.println(sb);
        });
        return ExitCodes.OK;
    }

    private void writePredictions(List<Statement> records, List<StatementPrediction> preds) throws java.io.IOException {
        try (var out = dev.stance.score.AtomicOutput.toFile(predictions)) {
            var w = out.writer();
            for (int i = 0; i < records.size(); i++) {
                Statement s = records.get(i);
                var o = Json.MAPPER.createObjectNode();
                o.put("id", s.id());
                o.put("lang", s.lang());
                for (Task t : Task.values()) {
                    var n = o.putObject(t.key());
                    n.put("gold", s.label(t));
                    n.put("predicted", preds.get(i).get(t).label());
                    var p = n.putObject("p");
                    preds.get(i).get(t).p().forEach(p::put);
                }
                w.write(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(o));
                w.write('\n');
            }
            out.commit();
        }
    }
}

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

    @Override
    public Integer call() throws Exception {
        List<Statement> records = StatementReader.readAll(data);
        if (split != null) {
            records = records.stream().filter(s -> split.equals(s.split())).toList();
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records to evaluate");
        }
        Evaluation ev;
        try (StanceModel m = ModelStore.local().load(model)) {
            ev = Evaluator.evaluate(m, records);
        }
        if (json) {
            System.out.println(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(ev.toJson()));
            return ExitCodes.OK;
        }
        System.out.printf(Locale.ROOT, "model %s on %d statements%n%n", ev.model(), ev.n());
        for (Map.Entry<Task, ClassMetrics> e : ev.tasks().entrySet()) {
            ClassMetrics m = e.getValue();
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
}

package dev.stance.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.benchmark.BenchmarkHistory;
import dev.stance.benchmark.BenchmarkRunner;
import dev.stance.benchmark.OverlapCheck;
import dev.stance.benchmark.ReportWriter;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.model.ModelDirectory;
import dev.stance.model.ModelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stance benchmark}: compare model versions on the same data, with intervals, significance and speed. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Compare model versions on labelled data: quality per task, language and label with 95%% paired"
                + " bootstrap intervals, significance against a baseline, calibration, speed and memory (each model in"
                + " its own JVM), written to <out>/report.md, report.json and PNG charts.",
                "Exit codes: 0 done (gate passed), 1 usage error or training/benchmark data overlap, 2 a model fell more"
                        + " than --max-drop below the baseline."})
public final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--models", required = true, split = ",", description = "Model ids or folders, comma-separated, or 'all'.")
    List<String> models;

    @Option(names = "--data", required = true, arity = "1..*", description = "Labelled statement JSONL files.")
    List<Path> data;

    @Option(names = "--out", required = true, description = "Report folder.")
    Path out;

    @Option(names = "--baseline", description = "Model id the others are compared with (default: the default model if"
            + " benchmarked, else the first).")
    String baseline;

    @Option(names = "--max-drop", description = "Fail (exit 2) when a model's macro-F1 on a task is more than this below the baseline's.")
    Double maxDrop;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "42", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-speed", description = "Skip the speed and memory measurements.")
    boolean noSpeed;

    @Option(names = "--speed-repetitions", defaultValue = "5", description = "Timed repetitions per batch size (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--speed-seconds", defaultValue = "2", description = "Minimum seconds per repetition (default ${DEFAULT-VALUE}).")
    double speedSeconds;

    @Option(names = "--record", description = "Record each model's headline figures in models/"
            + "benchmarks.json, where './stance models' shows them.")
    boolean record;

    /** The store's default model when it is among the benchmarked ones (else null: the first model). */
    private static String defaultIfBenchmarked(ModelStore store, List<Path> dirs) {
        try {
            String def = store.defaultId();
            return dirs.stream().anyMatch(d -> ModelDirectory.readManifest(d).id().equals(def)) ? def : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public Integer call() throws Exception {
        ModelStore store = ModelStore.local();
        List<Path> dirs = new ArrayList<>();
        if (models.equals(List.of("all"))) {
            for (ModelStore.Listing l : store.list()) {
                if (l.manifest() != null) {
                    dirs.add(l.dir());
                }
            }
        } else {
            for (String m : models) {
                dirs.add(store.resolve(m.strip()));
            }
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no models to benchmark");
        }
        List<Statement> records = StatementReader.readAll(data);
        if (records.stream().noneMatch(s -> s.stance() != null || s.openness() != null)) {
            throw new IllegalArgumentException("none of the " + records.size() + " benchmark records has a stance"
                    + " or openness label: nothing to measure");
        }
        List<String> overlap = new ArrayList<>();
        for (Path d : dirs) {
            overlap.addAll(OverlapCheck.problems(ModelDirectory.readManifest(d), data, records));
        }
        if (!overlap.isEmpty()) {
            overlap.forEach(o -> System.err.println("error: " + o));
            System.err.println("refusing to benchmark models on data they were trained on");
            return ExitCodes.USAGE;
        }
        String baselineId = baseline != null ? ModelDirectory.readManifest(store.resolve(baseline)).id() : defaultIfBenchmarked(store, dirs);
        var runner = new BenchmarkRunner(new BenchmarkRunner.Options(resamples, seed, !noSpeed, repetitions,
                speedSeconds, 0), System.err);
        ObjectNode report = runner.run(dirs, baselineId, data, records);
        List<String> failures = maxDrop == null ? List.of() : BenchmarkRunner.gate(report, maxDrop);
        if (maxDrop != null) {
            ObjectNode gate = report.putObject("gate");
            gate.put("max_drop", maxDrop);
            var f = gate.putArray("failures");
            failures.forEach(f::add);
        }
        ReportWriter.write(report, out);
        if (record) {
            BenchmarkHistory.record(store.root(), report);
            System.err.println("headline figures recorded in " + store.root().resolve(BenchmarkHistory.FILE));
        }
        System.err.println("report written to " + out.resolve("report.md"));
        failures.forEach(f -> System.err.println("gate: " + f));
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

}

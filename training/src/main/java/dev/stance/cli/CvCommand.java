package dev.stance.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.model.Json;
import dev.stance.model.ModelStore;
import dev.stance.train.FoldRecipe;
import dev.stance.train.FoldRecipes;
import dev.stance.train.GroupedCrossValidation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stance cv}: grouped cross-validation of a family (or a shipped model) on real statements. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = {"Grouped k-fold cross-validation on labelled target statements (folds keep one page's",
                "statements together by 'url' or 'family' and are stratified by language x stance). Each fold",
                "trains on the other folds (repeated --weight times) plus the --extra records. Prints macro-F1",
                "mean ± sd per task and language, and calibration error with cross-fitted temperatures.",
                "With --export, then trains on everything and exports the model with the temperature fitted on",
                "the out-of-fold predictions and the CV figures in its manifest."})
public final class CvCommand implements Callable<Integer> {
    @Option(names = "--family", description = "ngram-tribuo, mbert-tribuo, mbert-dl4j or mbert-lora.")
    String family;

    @Option(names = "--model", description = "Instead of --family: a shipped model id, predicted on the same folds.")
    String model;

    @Option(names = "--combine", arity = "1..*",
            description = "Instead of --family: --report files of runs on the same --data and folds; prints the"
                    + " cross-validation of their equal-weight ensemble.")
    List<Path> combine;

    @Option(names = "--config", description = "JSON file of the family's hyperparameters.")
    Path config;

    @Option(names = "--data", required = true, arity = "1..*", description = "Target statements (JSONL), the real set.")
    List<Path> data;

    @Option(names = "--extra", arity = "1..*", description = "Records every fold also trains on (the written corpus).")
    List<Path> extra = new ArrayList<>();

    @Option(names = "--weight", defaultValue = "1",
            description = "Copies of each target record in training (0: train on --extra alone). Default 1.")
    int weight;

    @Option(names = "--folds", defaultValue = "5", description = "Number of folds (default 5).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fold assignment (default 42).")
    long seed;

    @Option(names = "--report", description = "Write the full figures as JSON to this file.")
    Path report;

    @Option(names = "--export", description = "models/<name>: train on all records and export <name>-v<N>.")
    Path export;

    @Option(names = "--from-report", description = "With --export: skip the cross-validation and take its figures,"
            + " temperatures and epoch counts from this --report of the same recipe, --data and --weight.")
    Path fromReport;

    @Option(names = "--set-default", description = "With --export: mark the new version as the default model.")
    boolean setDefault;

    @Override
    public Integer call() throws Exception {
        if ((family != null ? 1 : 0) + (model != null ? 1 : 0) + (combine != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("give exactly one of --family, --model or --combine");
        }
        if (combine != null) {
            List<com.fasterxml.jackson.databind.JsonNode> reports = new ArrayList<>();
            for (Path p : combine) {
                reports.add(Json.MAPPER.readTree(p.toFile()));
            }
            var r = GroupedCrossValidation.combine(reports, StatementReader.readAll(data), System.err);
            r.print(System.out, "ensemble of " + combine);
            if (report != null) {
                Files.writeString(report, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r.toJson())
                        + "\n", StandardCharsets.UTF_8);
            }
            return ExitCodes.OK;
        }
        if (family == null && export != null) {
            throw new IllegalArgumentException("--export needs --family (a shipped model is only compared)");
        }
        List<Statement> target = StatementReader.readAll(data);
        List<Statement> extraRecords = extra.isEmpty() ? List.of()
                : StatementReader.readAll(extra).stream().filter(s -> s.split() == null || s.split().equals("train")).toList();
        FoldRecipe recipe = model != null ? FoldRecipes.shipped(ModelStore.local(), model) : FoldRecipes.of(family, config);
        FoldRecipes.stopOn(recipe, target);
        ObjectNode json;
        int[] epochs;
        java.util.Map<String, Double> temperature = new java.util.LinkedHashMap<>();
        if (fromReport != null) {
            if (export == null) {
                throw new IllegalArgumentException("--from-report goes with --export");
            }
            json = (ObjectNode) Json.MAPPER.readTree(fromReport.toFile());
            if (!recipe.describe().equals(json.path("recipe").asText()) || json.path("weight").asInt(-1) != weight
                    || json.path("records").asInt(-1) != target.size()) {
                throw new IllegalArgumentException(fromReport + " is a report of " + json.path("recipe").asText()
                        + " with weight " + json.path("weight").asInt(-1) + " on " + json.path("records").asInt(-1)
                        + " records, not of " + recipe.describe() + " with weight " + weight + " on " + target.size());
            }
            epochs = new int[json.path("epochs").size()];
            for (int i = 0; i < epochs.length; i++) {
                epochs[i] = json.path("epochs").get(i).asInt();
            }
            json.path("calibration").fields().forEachRemaining(e ->
                    temperature.put(e.getKey(), e.getValue().path("temperature").asDouble()));
        } else {
            var options = new GroupedCrossValidation.Options(folds, weight, seed);
            System.err.printf(Locale.ROOT, "cross-validating %s: %d target records (weight %d), %d extra%n",
                    recipe.describe(), target.size(), weight, extraRecords.size());
            GroupedCrossValidation.Result r = GroupedCrossValidation.run(recipe, target, extraRecords, options, System.err);
            r.print(System.out, recipe.describe() + ", weight " + weight);
            json = r.toJson();
            json.put("recipe", recipe.describe());
            json.put("weight", weight);
            json.put("seed", seed);
            epochs = r.epochs();
            temperature.putAll(r.temperature());
            if (report != null) {
                Files.writeString(report, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
                        StandardCharsets.UTF_8);
            }
        }
        if (export != null) {
            if (fromReport != null) {
                recipe.prepare(allRecords(target, extraRecords), System.err); // the folds did not run, so nothing is encoded yet
            }
            int[] e = Arrays.stream(epochs).filter(x -> x > 0).sorted().toArray();
            FoldRecipe finalRecipe = e.length == 0 ? recipe : FoldRecipes.withEpochs(recipe, e[e.length / 2]);
            List<Statement> all = new ArrayList<>(extraRecords);
            for (int i = 0; i < weight; i++) {
                all.addAll(target);
            }
            System.err.printf(Locale.ROOT, "final fit on %d records%s%n", all.size(),
                    e.length == 0 ? "" : " for " + e[e.length / 2] + " epochs (the folds' median)");
            FoldRecipe.Fitted fitted = finalRecipe.fit(all, System.err);
            ObjectNode metrics = Json.MAPPER.createObjectNode();
            ObjectNode cv = json.deepCopy();
            cv.remove("oof");
            metrics.set("cv", cv);
            metrics.put("train_records", all.size());
            List<Path> files = new ArrayList<>(data);
            files.addAll(extra);
            Path root = export.toAbsolutePath().getParent();
            Path dir = fitted.export(files, metrics, temperature, root, export.getFileName().toString());
            if (setDefault) {
                Files.writeString(root.resolve(ModelStore.DEFAULT_FILE), dir.getFileName() + "\n", StandardCharsets.UTF_8);
            }
            System.out.println(dir);
        }
        return ExitCodes.OK;
    }

    private static List<Statement> allRecords(List<Statement> target, List<Statement> extra) {
        List<Statement> all = new ArrayList<>(target);
        all.addAll(extra);
        return all;
    }
}

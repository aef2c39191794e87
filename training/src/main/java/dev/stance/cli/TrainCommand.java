package dev.stance.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.model.Json;
import dev.stance.model.ModelStore;
import dev.stance.model.ensemble.EnsembleFamily;
import dev.stance.model.mbert.MbertDl4jFamily;
import dev.stance.train.CrossValidation;
import dev.stance.train.EnsembleTrainer;
import dev.stance.model.mbert.MbertTribuoFamily;
import dev.stance.train.MbertDl4jTrainer;
import dev.stance.model.ngram.NgramFamily;
import dev.stance.train.MbertTrainConfig;
import dev.stance.train.MbertTribuoTrainer;
import dev.stance.train.NgramFamilyTrainer;
import dev.stance.train.LoraTrainConfig;
import dev.stance.train.MbertLoraTrainer;
import dev.stance.model.lora.MbertLoraFamily;
import dev.stance.train.TrainConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stance train}: train a model family and export it as a new version. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model family on statement records and export it to <out>-v<N>.",
                "Records with split 'train' (or no split) are trained on; 'dev' records are held out and",
                "measured; 'test' records are never read."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--family", required = true,
            description = "Model family: ngram-tribuo (fast), mbert-tribuo (frozen multilingual BERT + logistic"
                    + " regression), mbert-dl4j (frozen multilingual BERT + DL4J multi-task head), mbert-lora (multilingual BERT's top"
                    + " layers fine-tuned through low-rank adapters, PyTorch), ensemble (average"
                    + " of --members; --data gives the dev records it is measured on).")
    String family;

    @Option(names = "--data", required = true, arity = "1..*", description = "Statement JSONL files.")
    List<Path> data;

    @Option(names = "--out", required = true, description = "models/<name>: the version is appended (-v1, -v2, ...).")
    Path out;

    @Option(names = "--config", description = "JSON file of hyperparameters (see training/configs/).")
    Path config;

    @Option(names = "--algorithm", description = "ngram-tribuo: override the config, logistic or svm.")
    String algorithm;

    @Option(names = "--folds", description = "ngram-tribuo: override the config, cross-validation folds: 0 for none,"
            + " else 2 up to the number of training statement families of the rarest label.")
    Integer folds;

    @Option(names = "--seed", description = "Override the config: random seed.")
    Long seed;

    @Option(names = "--members", split = ",", description = "ensemble: the member model ids (in the same models folder).")
    List<String> members;

    @Option(names = "--cv-report", description = "ensemble: a 'cv --combine --report' file of these members,"
            + " recorded in the manifest (without its per-record predictions).")
    Path cvReport;

    @Option(names = "--set-default", description = "Mark the new version as the default model.")
    boolean setDefault;

    @Override
    public Integer call() throws Exception {
        List<String> families = List.of(NgramFamily.NAME, MbertTribuoFamily.NAME, MbertDl4jFamily.NAME,
                MbertLoraFamily.NAME, EnsembleFamily.NAME);
        if (!families.contains(family)) {
            throw new IllegalArgumentException("unknown family '" + family + "' (available: " + families + ")");
        }
        // the config is checked before the data is read, so a typo fails at once
        TrainConfig ngram = family.equals(NgramFamily.NAME) ? ngramConfig() : null;
        LoraTrainConfig lora = family.equals(MbertLoraFamily.NAME) ? LoraTrainConfig.read(config) : null;
        MbertTrainConfig mbert = family.startsWith("mbert-") && lora == null ? MbertTrainConfig.read(config, family) : null;
        List<Statement> all = StatementReader.readAll(data);
        List<Statement> train = all.stream().filter(s -> s.split() == null || s.split().equals("train")).toList();
        List<Statement> dev = all.stream().filter(s -> "dev".equals(s.split())).toList();
        Path root = out.toAbsolutePath().getParent();
        String name = out.getFileName().toString();
        Path dir;
        if (ngram != null) {
            if (ngram.folds() != 0) {
                String source = folds != null ? "--folds" : config != null ? config + ": 'folds'" : "'folds' (default)";
                CrossValidation.maxFolds(train).check(source, ngram.folds());
            }
            System.err.printf("training %s (%s) on %d records, %d dev records held out%n", family,
                    ngram.algorithm(), train.size(), dev.size());
            dir = NgramFamilyTrainer.trainAndExport(ngram, data, train, dev, root, name, System.err);
        } else if (lora != null) {
            LoraTrainConfig c = seed != null ? lora.withSeed(seed) : lora;
            System.err.printf("training %s on %d records, %d dev records held out%n", family, train.size(), dev.size());
            dir = MbertLoraTrainer.trainAndExport(c, data, train, dev, root, name, System.err);
        } else if (family.equals(EnsembleFamily.NAME)) {
            if (members == null) {
                throw new IllegalArgumentException("--family ensemble needs --members <id,id,...>");
            }
            ObjectNode cv = null;
            if (cvReport != null) {
                cv = (ObjectNode) Json.MAPPER.readTree(cvReport.toFile());
                cv.remove("oof");
            }
            dir = EnsembleTrainer.export(new ModelStore(root), members, dev, cv, root, name, System.err);
        } else {
            MbertTrainConfig c = seed != null ? mbert.withSeed(seed) : mbert;
            System.err.printf("training %s on %d records, %d dev records held out%n", family, train.size(), dev.size());
            dir = family.equals(MbertTribuoFamily.NAME)
                    ? MbertTribuoTrainer.trainAndExport(c, data, train, dev, root, name, System.err)
                    : MbertDl4jTrainer.trainAndExport(c, data, train, dev, root, name, System.err);
        }
        if (setDefault) {
            Files.writeString(root.resolve(ModelStore.DEFAULT_FILE), dir.getFileName() + "\n", StandardCharsets.UTF_8);
        }
        System.out.println(dir);
        return ExitCodes.OK;
    }

    /** The n-gram config file (or the defaults) with the command-line overrides applied. */
    private TrainConfig ngramConfig() {
        TrainConfig c = config == null ? TrainConfig.defaults() : TrainConfig.read(config);
        if (algorithm != null) {
            c = c.withAlgorithm(algorithm);
        }
        if (folds != null) {
            try {
                c = c.withFolds(folds);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--folds: " + e.getMessage(), e);
            }
        }
        if (seed != null) {
            c = c.withSeed(seed);
        }
        return c;
    }

}

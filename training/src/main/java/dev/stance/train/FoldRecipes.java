package dev.stance.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import dev.stance.encoder.EmbeddingCache;
import dev.stance.encoder.Encoded;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.mbert.MbertConfig;
import dev.stance.model.mbert.MbertDl4jFamily;
import dev.stance.model.mbert.MbertDl4jModel;
import dev.stance.model.mbert.MbertTribuoFamily;
import dev.stance.model.mbert.MbertTribuoModel;
import dev.stance.model.lora.MbertLoraFamily;
import dev.stance.model.lora.MbertLoraModel;
import dev.stance.model.ngram.NgramFamily;
import dev.stance.model.ngram.NgramTribuoModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** The {@link FoldRecipe} of each trainable family, and one that replays a shipped model for comparison. */
public final class FoldRecipes {
    private FoldRecipes() {
    }

    /** The recipe of a family with its hyperparameters from {@code config} (null: the family's defaults). */
    public static FoldRecipe of(String family, Path config) throws IOException {
        return switch (family) {
            case NgramFamily.NAME -> new Ngram(config == null ? TrainConfig.defaults() : TrainConfig.read(config), config);
            case MbertTribuoFamily.NAME -> new MbertTribuo(MbertTrainConfig.read(config, family), config);
            case MbertDl4jFamily.NAME -> new MbertDl4j(MbertTrainConfig.read(config, family), config);
            case MbertLoraFamily.NAME -> new MbertLora(LoraTrainConfig.read(config), config);
            default -> throw new IllegalArgumentException("family '" + family + "' cannot be cross-validated (use "
                    + NgramFamily.NAME + ", " + MbertTribuoFamily.NAME + ", " + MbertDl4jFamily.NAME + " or "
                    + MbertLoraFamily.NAME + ")");
        };
    }

    /** A shipped model, evaluated on the same folds without training (its fit ignores the data). */
    public static FoldRecipe shipped(ModelStore store, String id) {
        return new FoldRecipe() {
            @Override
            public String describe() {
                return "shipped " + id;
            }

            @Override
            public String family() {
                return "shipped";
            }

            @Override
            public Fitted fit(List<Statement> train, PrintStream log) {
                return new Fitted() {
                    @Override
                    public List<StatementPrediction> predict(List<Statement> data) {
                        try (StanceModel m = store.load(id)) {
                            return m.predict(inputs(data));
                        }
                    }

                    @Override
                    public Path export(List<Path> files, ObjectNode metrics, Map<String, Double> t, Path root, String name) {
                        throw new UnsupportedOperationException("a shipped model is compared, not exported again");
                    }
                };
            }
        };
    }

    static List<StatementInput> inputs(List<Statement> data) {
        return data.stream().map(s -> new StatementInput(s.text(), s.context())).toList();
    }

    private record Ngram(TrainConfig c, Path config) implements FoldRecipe {
        @Override
        public String describe() {
            return NgramFamily.NAME + " (" + (config == null ? "defaults" : config) + ")";
        }

        @Override
        public String family() {
            return NgramFamily.NAME;
        }

        @Override
        public Fitted fit(List<Statement> train, PrintStream log) {
            Map<Task, Model<Label>> models = new NgramTrainer(c).train(train);
            var model = new NgramTribuoModel(ModelExporter.inTraining("cv", NgramFamily.NAME, null, null),
                    c.features(), models);
            return new Fitted() {
                @Override
                public List<StatementPrediction> predict(List<Statement> data) {
                    return model.predict(inputs(data));
                }

                @Override
                public Path export(List<Path> files, ObjectNode metrics, Map<String, Double> t, Path root, String name)
                        throws IOException {
                    return NgramFamilyTrainer.export(c, files, models, metrics, t, root, name);
                }
            };
        }
    }

    /** LoRA adapters on the top layers, trained on the frozen lower layers' token vectors (encoded once). */
    private static final class MbertLora extends Prepared {
        final LoraTrainConfig c;

        MbertLora(LoraTrainConfig c, Path config) {
            super(config);
            this.c = c;
        }

        @Override
        public String family() {
            return MbertLoraFamily.NAME;
        }

        @Override
        List<Encoded> encodeAll(List<Statement> data, PrintStream log) {
            return MbertLoraTrainer.encode(data, c, log);
        }

        @Override
        public Fitted fit(List<Statement> train, PrintStream log) {
            MbertLoraModel model = MbertLoraTrainer.fit(c, train, enc(train), log);
            return new Fitted() {
                @Override
                public List<StatementPrediction> predict(List<Statement> data) {
                    return model.predictEncoded(enc(data));
                }

                @Override
                public Path export(List<Path> files, ObjectNode metrics, Map<String, Double> t, Path root, String name)
                        throws IOException {
                    return MbertLoraTrainer.export(c, files, model, metrics, t, root, name);
                }
            };
        }
    }

    /** Encodes every record once, through the embedding cache, and looks encodings up by record identity. */
    private abstract static class Prepared implements FoldRecipe {
        final Path config;
        final Map<Statement, Encoded> encoded = new IdentityHashMap<>();

        Prepared(Path config) {
            this.config = config;
        }

        /** The encodings of {@code data}, in order. */
        abstract List<Encoded> encodeAll(List<Statement> data, PrintStream log);

        @Override
        public String describe() {
            return family() + " (" + (config == null ? "defaults" : config) + ")";
        }

        @Override
        public void prepare(List<Statement> all, PrintStream log) {
            List<Statement> missing = all.stream().filter(s -> !encoded.containsKey(s)).toList();
            List<Encoded> e = encodeAll(missing, log);
            for (int i = 0; i < missing.size(); i++) {
                encoded.put(missing.get(i), e.get(i));
            }
        }

        List<Encoded> enc(List<Statement> data) {
            List<Encoded> out = new ArrayList<>(data.size());
            for (Statement s : data) {
                Encoded e = encoded.get(s);
                if (e == null) {
                    throw new IllegalStateException("record " + s.id() + " was not prepared");
                }
                out.add(e);
            }
            return out;
        }
    }

    /** The frozen-encoder heads (mbert-tribuo, mbert-dl4j). */
    private abstract static class Encoding extends Prepared {
        final MbertTrainConfig c;

        Encoding(MbertTrainConfig c, Path config) {
            super(config);
            this.c = c;
        }

        @Override
        List<Encoded> encodeAll(List<Statement> data, PrintStream log) {
            try (EmbeddingCache cache = MbertTribuoTrainer.cache(c)) {
                return MbertTribuoTrainer.encode(data, c, cache, log);
            }
        }
    }

    private static final class MbertTribuo extends Encoding {
        MbertTribuo(MbertTrainConfig c, Path config) {
            super(c, config);
        }

        @Override
        public String family() {
            return MbertTribuoFamily.NAME;
        }

        @Override
        public Fitted fit(List<Statement> train, PrintStream log) {
            Map<Task, Model<Label>> heads = new EnumMap<>(Task.class);
            List<Encoded> e = enc(train);
            for (Task task : Task.values()) {
                heads.put(task, MbertTribuoTrainer.fit(task, train, e, c));
            }
            MbertConfig mc = MbertTribuoTrainer.encoderConfig(c, c.attention());
            var model = new MbertTribuoModel(MbertTribuoTrainer.provisional("cv", null, mc), mc, null, heads);
            return new Fitted() {
                @Override
                public List<StatementPrediction> predict(List<Statement> data) {
                    return model.predictEncoded(enc(data));
                }

                @Override
                public Path export(List<Path> files, ObjectNode metrics, Map<String, Double> t, Path root, String name)
                        throws IOException {
                    return MbertTribuoTrainer.export(c, files, heads, metrics, t, root, name);
                }
            };
        }
    }

    /**
     * The DL4J head. It stops early on an inner development slice: an eighth of the training records'
     * groups among the records that {@link #prepare} marked as early-stopping candidates (the target set), held
     * out of that fold's training. Trained with no candidates in {@code train} it runs {@code c.epochs()}.
     */
    private static final class MbertDl4j extends Encoding {
        final java.util.Set<Statement> stopCandidates = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        MbertDl4j(MbertTrainConfig c, Path config) {
            super(c, config);
        }

        @Override
        public String family() {
            return MbertDl4jFamily.NAME;
        }

        /** Marks the records an inner development slice may be drawn from. */
        void stopOn(List<Statement> target) {
            stopCandidates.addAll(target);
        }

        @Override
        public Fitted fit(List<Statement> train, PrintStream log) {
            List<Statement> candidates = new ArrayList<>();
            java.util.Set<Statement> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Statement s : train) {
                if (stopCandidates.contains(s) && seen.add(s)) {
                    candidates.add(s);
                }
            }
            java.util.Set<Statement> dev = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            if (!candidates.isEmpty()) {
                int[] inner = CrossValidation.folds(candidates, Task.STANCE, 8, c.seed() + 17);
                for (int i = 0; i < candidates.size(); i++) {
                    if (inner[i] == 0) {
                        dev.add(candidates.get(i));
                    }
                }
            }
            List<Statement> fitOn = train.stream().filter(s -> !dev.contains(s)).toList();
            List<Statement> devList = List.copyOf(candidates.stream().filter(dev::contains).toList());
            MbertDl4jTrainer.Fit fit = MbertDl4jTrainer.fit(c, fitOn, enc(fitOn), devList, enc(devList), "cv", log);
            MbertConfig mc = MbertTribuoTrainer.encoderConfig(c, false);
            var model = new MbertDl4jModel(MbertDl4jTrainer.provisional("cv", null, mc), null, fit.graph());
            return new Fitted() {
                @Override
                public List<StatementPrediction> predict(List<Statement> data) {
                    return model.predictEncoded(enc(data));
                }

                @Override
                public int epochs() {
                    return fit.bestEpoch();
                }

                @Override
                public Path export(List<Path> files, ObjectNode metrics, Map<String, Double> t, Path root, String name)
                        throws IOException {
                    return MbertDl4jTrainer.export(c, files, fit.graph(), t, metrics, root, name);
                }
            };
        }
    }

    /**
     * Marks the target records as the ones early stopping may hold out, for recipes that stop early (the
     * written corpus never decides when to stop: it is what the models overfit).
     */
    public static void stopOn(FoldRecipe recipe, List<Statement> target) {
        if (recipe instanceof MbertDl4j d) {
            d.stopOn(target);
        }
    }

    /** The recipe with its epoch count fixed (no early stopping), for the final fit on every record. */
    public static FoldRecipe withEpochs(FoldRecipe recipe, int epochs) {
        if (recipe instanceof MbertDl4j d) {
            MbertDl4j fixed = new MbertDl4j(d.c.withEpochs(epochs), d.config);
            fixed.encoded.putAll(d.encoded);
            return fixed;
        }
        return recipe;
    }
}

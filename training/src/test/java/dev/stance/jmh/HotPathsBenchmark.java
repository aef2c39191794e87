package dev.stance.jmh;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.stance.encoder.Encoded;
import dev.stance.encoder.MbertEncoder;
import dev.stance.features.FeatureConfig;
import dev.stance.features.FeatureVector;
import dev.stance.features.HashedGramCounts;
import dev.stance.features.NgramFeaturizer;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.segment.SentenceSplitter;
import dev.stance.segment.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Micro-benchmarks of the hot paths, run with {@code ./mvnw -B -Pbenchmarks -pl training -am verify -DskipTests}
 * from the repository root (not part of the test phase). The encoder benchmarks load the real multilingual BERT
 * (first run unpacks it) and the shipped models from models/.
 */
public class HotPathsBenchmark {
    static final String STATEMENT = "«Vi er klare til å møtes i Genève neste uke, men bare om angrepene stanser», "
            + "sa utenriksminister Kari Lunde til NTB tirsdag.";
    static final String CONTEXT = "Samtalene brøt sammen i mai etter en strid om fangeutveksling.";
    static final String ARTICLE = String.join(" ", java.util.Collections.nCopies(20,
            "Dr. Amal Haddad met U.S. envoy J. Moreno in Doha on 3. March. \"We will not surrender,\" he said. "
                    + "– Det er uaktuelt, sier Solberg. Die Gespräche sollen u.a. in Wien stattfinden."));

    /** Featurization and segmentation: no native code. */
    @State(Scope.Thread)
    public static class Text {
        NgramFeaturizer featurizer;
        double[] sum = new double[1];
        HashedGramCounts counts = new HashedGramCounts((hash, value) -> sum[0] += value);

        @Setup
        public void setUp() {
            featurizer = new NgramFeaturizer(FeatureConfig.defaults());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public FeatureVector ngramFeaturization(Text s) {
        return s.featurizer.featurize(STATEMENT, CONTEXT);
    }

    /** The scorer's featurization: the same features as hashes of their names, no String per n-gram. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double ngramHashedFeaturization(Text s) {
        s.featurizer.visitHashed(STATEMENT, CONTEXT, s.counts);
        return s.sum[0];
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Span> sentenceSegmentation() {
        return SentenceSplitter.split(ARTICLE);
    }

    /** The shipped n-gram model's whole predict path (hashed featurization + linear scoring). */
    @State(Scope.Benchmark)
    public static class Ngram {
        StanceModel model;
        List<StatementInput> batch = new ArrayList<>();

        @Setup(Level.Trial)
        public void setUp() {
            model = ModelStore.load(Path.of(System.getProperty("stance.repo.root", ".."), "models", "ngram-v5"));
            for (int i = 0; i < 32; i++) {
                batch.add(new StatementInput(STATEMENT + " " + i, CONTEXT));
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            model.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<StatementPrediction> ngramPredict(Ngram s) {
        return s.model.predict(List.of(new StatementInput(STATEMENT, CONTEXT)));
    }

    /** Batches of 32 are split across threads (-Dstance.ngram.threads caps them); ops/s x 32 = statements/s. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<StatementPrediction> ngramPredictBatchOf32(Ngram s) {
        return s.model.predict(s.batch);
    }

    /** The real encoder, its tokenizer and the DL4J head of the shipped mbert-dl4j model. */
    @State(Scope.Benchmark)
    public static class Transformer {
        MbertEncoder encoder;
        HuggingFaceTokenizer tokenizer;
        List<StatementInput> batch;
        List<Encoded> encoded;
        dev.stance.model.mbert.MbertDl4jModel head;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            encoder = MbertEncoder.load(16);
            tokenizer = MbertEncoder.tokenizer(dev.stance.encoder.EncoderAssets.mbertSavedModel());
            batch = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                batch.add(new StatementInput(STATEMENT + " " + i, CONTEXT));
            }
            encoded = encoder.encode(batch);
            Path dir = Path.of(System.getProperty("stance.repo.root", ".."), "models", "mbert-dl4j-v5");
            head = new dev.stance.model.mbert.MbertDl4jModel(dev.stance.model.ModelDirectory.verify(dir), null,
                    dev.stance.model.mbert.MbertDl4jFamily.readGraph(dir));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            encoder.close();
            tokenizer.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long[] tokenization(Transformer s) {
        return s.tokenizer.encode(STATEMENT, CONTEXT).getIds();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Encoded> encoderBatchOf16(Transformer s) {
        return s.encoder.encode(s.batch);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<StatementPrediction> dl4jHeadForwardBatchOf16(Transformer s) {
        return s.head.predictEncoded(s.encoded);
    }
}

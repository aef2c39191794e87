package dev.stance.encoder;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.tensorflow.engine.SavedModelBundle;
import ai.djl.tensorflow.engine.javacpp.JavacppUtils;
import ai.djl.util.Pair;
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
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.tensorflow.internal.c_api.AbstractTF_Tensor;
import org.tensorflow.internal.c_api.TF_Operation;
import org.tensorflow.internal.c_api.TF_Tensor;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.framework.RunOptions;

/**
 * Google's multilingual cased BERT (12 layers, 768 wide), frozen, run in-process by DJL's TensorFlow engine
 * and tokenized by DJL's HuggingFace tokenizer built from the model's own vocab.txt.
 *
 * <p>Depth: the encoder can stop after its first {@code layers} transformer layers. The SavedModel's serving
 * signature only exposes the last layer, so the session is run directly (DJL's TensorFlow bindings) with a
 * fetch on the chosen layer's output; TensorFlow then prunes every op above it, and time falls with depth.
 * On this project's data no middle layer beat the last one (models/README.md), so depth is a speed setting. A
 * lower layer can also be fetched in the same run and appended to each token vector ({@code extraLayer}):
 * layer 1 with the last one did score higher than the last one alone.
 *
 * <p>Batching: inputs are sorted by token count and cut into batches of at most {@code batchSize}, each
 * padded only to its own longest member (dynamic padding with length bucketing), so short statements do not
 * pay for long ones. The statement is segment A and the context segment B; pairs longer than
 * {@link #MAX_TOKENS} are cut from the longer side first.
 */
public final class MbertEncoder implements TextEncoder {
    public static final int MAX_TOKENS = 128;
    public static final int LAYERS = 12;
    /** The id of the full 12-layer encoder. */
    public static final String ID = id(LAYERS);
    private static final int DIM = 768;
    private static final String[] INPUTS = {"input_ids:0", "input_mask:0", "segment_ids:0"};

    private final SavedModelBundle bundle;
    private final TF_Operation[] inputOps = new TF_Operation[INPUTS.length];
    private final int[] inputIndices = new int[INPUTS.length];
    private final TF_Operation[] outputOps;
    private final int[] outputIndices;
    private final RunOptions runOptions = RunOptions.newBuilder().build();
    private final HuggingFaceTokenizer tokenizer;
    private final int batchSize;
    private final int layers;
    private final int extraLayer;

    /** {@code outputs}: the graph tensors whose token vectors are concatenated, main layer first. */
    private MbertEncoder(SavedModelBundle bundle, HuggingFaceTokenizer tokenizer, int batchSize, int layers,
                         int extraLayer, List<String> outputs) {
        this.bundle = bundle;
        this.tokenizer = tokenizer;
        this.batchSize = batchSize;
        this.layers = layers;
        this.extraLayer = extraLayer;
        lookUp(List.of(INPUTS), inputOps, inputIndices);
        outputOps = new TF_Operation[outputs.size()];
        outputIndices = new int[outputs.size()];
        lookUp(outputs, outputOps, outputIndices);
    }

    /** Fills {@code ops} and {@code indices} with the graph operation and output index of each tensor name. */
    private void lookUp(List<String> names, TF_Operation[] ops, int[] indices) {
        for (int i = 0; i < names.size(); i++) {
            Pair<TF_Operation, Integer> op = JavacppUtils.getGraphOperationByName(bundle.getGraph(), names.get(i));
            ops[i] = op.getKey();
            indices[i] = op.getValue();
        }
    }

    /**
     * The graph reshapes each layer's (B·L, 768) output back to (B, L, 768), in layer order: Reshape_2 is layer 1,
     * Reshape_13 layer 12, the serving signature's sequence output (assets/model.json). A test checks both ends.
     */
    static String layerOutput(int layers) {
        return "module_apply_tokens/bert/encoder/Reshape_" + (layers + 1) + ":0";
    }

    /** The cache and manifest id of the encoder cut after {@code layers} layers. */
    public static String id(int layers) {
        return id(layers, 0);
    }

    /** The id of the encoder cut after {@code layers} layers that also outputs layer {@code extraLayer} (0: none). */
    public static String id(int layers, int extraLayer) {
        checkLayers(layers, extraLayer);
        return "mbert-multi-cased-L12-H768/tf2.10/wp-cased/max" + MAX_TOKENS + (layers == LAYERS ? "" : "/layers" + layers)
                + (extraLayer == 0 ? "" : "/plus-layer" + extraLayer);
    }

    private static void checkLayers(int layers, int extraLayer) {
        if (layers < 1 || layers > LAYERS) {
            throw new IllegalArgumentException("encoder layers must be 1.." + LAYERS + ", not " + layers);
        }
        if (extraLayer < 0 || extraLayer >= layers) {
            throw new IllegalArgumentException("the extra layer must be below the last one (1.." + (layers - 1)
                    + ") or 0 for none, not " + extraLayer);
        }
    }

    /** Loads the full 12-layer encoder. */
    public static MbertEncoder load(int batchSize) {
        return load(batchSize, LAYERS);
    }

    /** Loads the encoder from the cache, unpacking it from the Maven jars on first use. */
    public static MbertEncoder load(int batchSize, int layers) {
        return load(batchSize, layers, 0);
    }

    /**
     * The encoder cut after {@code layers} layers; with {@code extraLayer > 0} each token vector is that of the
     * last layer followed by that of the extra, lower one (2 × 768 wide), both from the same run. Lower layers
     * keep more of the words themselves, the last one more of their context; heads get both at no extra cost.
     */
    public static MbertEncoder load(int batchSize, int layers, int extraLayer) {
        return load(batchSize, layers, extraLayer, extraLayer == 0 ? List.of(layerOutput(layers))
                : List.of(layerOutput(layers), layerOutput(extraLayer)));
    }

    /** The same, fetching the named graph tensors; the layer numbers only name the result. */
    static MbertEncoder load(int batchSize, int layers, int extraLayer, List<String> outputs) {
        checkLayers(layers, extraLayer);
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
            Engine.getEngine("TensorFlow"); // loads the native library
            // DJL's own session settings, so its thread properties (ai.djl.tensorflow.num_intraop_threads, ...) apply.
            SavedModelBundle bundle = JavacppUtils.loadSavedModelBundle(savedModel.toString(), new String[] {"serve"},
                    JavacppUtils.getSessionConfig(), null);
            return new MbertEncoder(bundle, tokenizer, batchSize, layers, extraLayer, outputs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load multilingual BERT from " + savedModel, e);
        } catch (RuntimeException e) {
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
        return id(layers, extraLayer);
    }

    @Override
    public int dim() {
        return DIM * outputOps.length;
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
        int rows = batch.size();
        int len = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
        int[][] in = new int[INPUTS.length][rows * len]; // ids, mask, segments; zero is padding
        for (int b = 0; b < rows; b++) {
            long[] id = batch.get(b).getIds();
            long[] ty = batch.get(b).getTypeIds();
            for (int t = 0; t < id.length; t++) {
                in[0][b * len + t] = (int) id[t];
                in[1][b * len + t] = 1;
                in[2][b * len + t] = (int) ty[t];
            }
        }
        int parts = outputOps.length;
        float[][] seq = new float[parts][rows * len * DIM];
        TF_Tensor[] tensors = new TF_Tensor[INPUTS.length];
        try {
            for (int i = 0; i < tensors.length; i++) {
                tensors[i] = AbstractTF_Tensor.allocateTensor(tensorflow.TF_INT32, new long[] {rows, len}, 4L * rows * len);
                new IntPointer(tensorflow.TF_TensorData(tensors[i])).capacity(in[i].length).put(in[i]);
            }
            // One session may serve several threads (TF sessions are thread-safe); TF parallelises inside a run.
            TF_Tensor[] out = JavacppUtils.runSession(bundle.getSession(), runOptions, tensors, inputOps, inputIndices,
                    outputOps, outputIndices, new TF_Operation[0]);
            try {
                for (int p = 0; p < parts; p++) {
                    long n = tensorflow.TF_TensorElementCount(out[p]);
                    if (n != seq[p].length) {
                        throw new IllegalStateException("encoder returned " + n + " values, expected " + seq[p].length);
                    }
                    new FloatPointer(tensorflow.TF_TensorData(out[p])).capacity(n).get(seq[p]);
                }
            } finally {
                for (TF_Tensor t : out) {
                    t.close();
                }
            }
        } finally {
            for (TF_Tensor t : tensors) {
                if (t != null) {
                    t.close();
                }
            }
        }
        List<Encoded> result = new ArrayList<>(rows);
        int width = DIM * parts;
        for (int b = 0; b < rows; b++) {
            int n = batch.get(b).getIds().length;
            float[] s = new float[n * width];
            for (int t = 0; t < n; t++) {
                for (int p = 0; p < parts; p++) {
                    int from = (b * len + t) * DIM;
                    for (int j = 0; j < DIM; j++) {
                        s[t * width + p * DIM + j] = Encoded.bf16(seq[p][from + j]);
                    }
                }
            }
            result.add(new Encoded(n, width, s, Arrays.copyOfRange(in[2], b * len, b * len + n)));
        }
        return result;
    }

    /**
     * Values of the model's own variables (fp32, as stored in the SavedModel), by graph tensor name, e.g.
     * {@code module/bert/encoder/layer_11/output/dense/kernel/Read/ReadVariableOp:0}.
     */
    Map<String, BaseWeights.Tensor> variables(List<String> names) {
        TF_Operation[] ops = new TF_Operation[names.size()];
        int[] idx = new int[names.size()];
        lookUp(names, ops, idx);
        TF_Tensor[] out = JavacppUtils.runSession(bundle.getSession(), runOptions, new TF_Tensor[0],
                new TF_Operation[0], new int[0], ops, idx, new TF_Operation[0]);
        Map<String, BaseWeights.Tensor> result = new java.util.LinkedHashMap<>();
        try {
            for (int i = 0; i < out.length; i++) {
                if (tensorflow.TF_TensorType(out[i]) != tensorflow.TF_FLOAT) {
                    throw new IllegalStateException(names.get(i) + " is not a float variable");
                }
                long[] shape = new long[tensorflow.TF_NumDims(out[i])];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = tensorflow.TF_Dim(out[i], d);
                }
                long n = tensorflow.TF_TensorElementCount(out[i]);
                float[] v = new float[Math.toIntExact(n)];
                new FloatPointer(tensorflow.TF_TensorData(out[i])).capacity(n).get(v);
                result.put(names.get(i), new BaseWeights.Tensor(shape, v));
            }
        } finally {
            for (TF_Tensor t : out) {
                t.close();
            }
        }
        return result;
    }

    @Override
    public void close() {
        bundle.close();
        tokenizer.close();
    }

}

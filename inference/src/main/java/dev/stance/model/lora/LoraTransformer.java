package dev.stance.model.lora;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import dev.stance.encoder.BaseWeights;
import dev.stance.encoder.Encoded;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The top transformer layers of multilingual BERT with low-rank adapters (LoRA) on all six projections of each
 * layer (query, key, value, attention output, feed-forward in and out), then masked mean pooling and one linear
 * head per task, on DJL's PyTorch engine. Training and scoring run this one forward pass; only the adapters and
 * heads are trainable and shipped, the base weights come from {@link BaseWeights}.
 *
 * <p>An adapted projection computes {@code x·W + b + (α/r)·dropout(x)·A·B} with {@code A} (in × r) and
 * {@code B} (r × out); {@code B} starts at zero, so an untrained model is the pretrained one. The layer follows
 * BERT's graph exactly (post-norm, GELU in its tanh form, which this SavedModel uses; LayerNorm ε 1e-12).
 */
public final class LoraTransformer implements AutoCloseable {
    static final int DIM = 768;
    private static final int HEADS = 12;
    private static final int HEAD_DIM = 64;
    /** The adapted projections of a layer, by BERT's variable prefix. */
    public static final List<String> PROJECTIONS = List.of("attention/self/query", "attention/self/key",
            "attention/self/value", "attention/output/dense", "intermediate/dense", "output/dense");
    /** Task heads in output order: stance (4 labels) then openness (3). */
    private static final String[] HEAD_NAMES = {"head/stance", "head/openness"};

    private final NDManager manager;
    private final List<Map<String, NDArray>> base = new ArrayList<>();
    private final int[] layerNumbers;
    private final Map<String, NDArray> trainable = new LinkedHashMap<>();
    private final int rank;
    private final float scale;
    private final float dropout;
    /** True once the adapters are folded into the base kernels (a loaded model: scoring only). */
    private boolean merged;

    /**
     * New adapters (A uniform in ±1/√in, B zero) and heads (N(0, 0.02), bias zero) on {@code layers}.
     *
     * @param outputs label count of each head, stance first
     */
    public static LoraTransformer init(List<BaseWeights.Layer> layers, int rank, double alpha, double dropout,
                                       int[] outputs, long seed) {
        LoraTransformer t = new LoraTransformer(layers, rank, alpha, dropout);
        Random rng = new Random(seed);
        for (BaseWeights.Layer layer : layers) {
            for (String p : PROJECTIONS) {
                long[] shape = layer.tensors().get(p + "/kernel").shape();
                int in = (int) shape[0];
                int out = (int) shape[1];
                float bound = (float) (1 / Math.sqrt(in));
                float[] a = new float[in * rank];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (rng.nextFloat() * 2 - 1) * bound;
                }
                t.put(adapterName(layer.layer(), p, "a"), t.manager.create(a, new Shape(in, rank)));
                t.put(adapterName(layer.layer(), p, "b"), t.manager.zeros(new Shape(rank, out)));
            }
        }
        for (int h = 0; h < HEAD_NAMES.length; h++) {
            float[] w = new float[DIM * outputs[h]];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (rng.nextGaussian() * 0.02);
            }
            t.put(HEAD_NAMES[h] + "/kernel", t.manager.create(w, new Shape(DIM, outputs[h])));
            t.put(HEAD_NAMES[h] + "/bias", t.manager.zeros(new Shape(outputs[h])));
        }
        return t;
    }

    /** Adapters and heads read back from {@link #encode()}'s bytes; every expected array must be there. */
    public static LoraTransformer decode(List<BaseWeights.Layer> layers, int rank, double alpha, byte[] bytes)
            throws IOException {
        LoraTransformer t = new LoraTransformer(layers, rank, alpha, 0);
        NDList list = NDList.decode(t.manager, bytes);
        for (NDArray a : list) {
            t.put(a.getName(), a);
        }
        List<String> expected = new ArrayList<>();
        for (BaseWeights.Layer layer : layers) {
            for (String p : PROJECTIONS) {
                expected.add(adapterName(layer.layer(), p, "a"));
                expected.add(adapterName(layer.layer(), p, "b"));
            }
        }
        for (String h : HEAD_NAMES) {
            expected.add(h + "/kernel");
            expected.add(h + "/bias");
        }
        if (!t.trainable.keySet().equals(new java.util.LinkedHashSet<>(expected))) {
            t.close();
            throw new IOException("adapter file holds " + list.size() + " arrays that do not match layers "
                    + layers.stream().map(BaseWeights.Layer::layer).toList() + " at rank " + rank);
        }
        t.mergeAdapters();
        return t;
    }

    /**
     * Folds each adapter into its base kernel ({@code W + (α/r)·A·B}) for a model that will only score: one
     * matrix product per projection instead of three, the same function up to float rounding. The adapters stay
     * for {@link #encode()}.
     */
    private void mergeAdapters() {
        for (int l = 0; l < base.size(); l++) {
            Map<String, NDArray> w = base.get(l);
            for (String p : PROJECTIONS) {
                NDArray a = trainable.get(adapterName(layerNumbers[l], p, "a"));
                NDArray b = trainable.get(adapterName(layerNumbers[l], p, "b"));
                NDArray kernel = w.get(p + "/kernel");
                try (NDManager scope = manager.newSubManager()) {
                    kernel.tempAttach(scope);
                    a.tempAttach(scope); // so the products below land in the scope and are freed with it
                    b.tempAttach(scope);
                    NDArray sum = kernel.add(a.matMul(b).mul(scale));
                    sum.attach(manager);
                    w.put(p + "/kernel", sum);
                }
                kernel.close();
            }
        }
        merged = true;
    }

    private LoraTransformer(List<BaseWeights.Layer> layers, int rank, double alpha, double dropout) {
        this.manager = engine().newBaseManager();
        this.rank = rank;
        this.scale = (float) (alpha / rank);
        this.dropout = (float) dropout;
        this.layerNumbers = layers.stream().mapToInt(BaseWeights.Layer::layer).toArray();
        for (BaseWeights.Layer layer : layers) {
            Map<String, NDArray> w = new LinkedHashMap<>();
            layer.tensors().forEach((name, t) -> w.put(name, manager.create(t.values(), new Shape(t.shape()))));
            base.add(w);
        }
    }

    /** DJL's PyTorch engine (the TensorFlow engine serves the frozen encoder in the same JVM). */
    public static Engine engine() {
        return Engine.getEngine("PyTorch");
    }

    static String adapterName(int layer, String projection, String part) {
        return "layer_" + layer + "/" + projection + "/lora_" + part;
    }

    private void put(String name, NDArray a) {
        a.setName(name);
        trainable.put(name, a);
    }

    /** The trainable arrays (adapters, then heads), for an optimizer. */
    public List<NDArray> parameters() {
        return List.copyOf(trainable.values());
    }

    /** How many trainable values the model holds. */
    public long parameterCount() {
        return trainable.values().stream().mapToLong(NDArray::size).sum();
    }

    public int rank() {
        return rank;
    }

    /** Adapters and heads in DJL's NDList format, names included. */
    public byte[] encode() {
        NDList list = new NDList();
        trainable.values().forEach(list::add);
        return list.encode();
    }

    /** The manager that owns the weights; batches should live in a sub-manager of it. */
    public NDManager manager() {
        return manager;
    }

    /**
     * A padded batch (x: B × L × 768 token vectors, mask: B × L) from encoder outputs, in {@code m}.
     *
     * @throws IllegalArgumentException when an encoding is not 768 wide
     */
    public static NDList batch(NDManager m, List<Encoded> encoded) {
        int len = encoded.stream().mapToInt(Encoded::tokens).max().orElse(0);
        float[] x = new float[encoded.size() * len * DIM];
        float[] mask = new float[encoded.size() * len];
        for (int r = 0; r < encoded.size(); r++) {
            Encoded e = encoded.get(r);
            if (e.dim() != DIM) {
                throw new IllegalArgumentException("expected " + DIM + "-wide token vectors, got " + e.dim());
            }
            System.arraycopy(e.sequence(), 0, x, r * len * DIM, e.tokens() * DIM);
            java.util.Arrays.fill(mask, r * len, r * len + e.tokens(), 1f);
        }
        return new NDList(m.create(x, new Shape(encoded.size(), len, DIM)), m.create(mask, new Shape(encoded.size(), len)));
    }

    /** Logits of each task (stance B × 4, then openness B × 3); dropout only when {@code train}. */
    public NDList forward(NDArray x, NDArray mask, boolean train) {
        if (train && merged) {
            throw new IllegalStateException("a loaded model has its adapters folded in and cannot be trained further");
        }
        NDArray h = hidden(x, mask, train);
        NDArray m = mask.expandDims(2);
        NDArray pooled = h.mul(m).sum(new int[] {1}).div(mask.sum(new int[] {1}, true));
        pooled = drop(pooled, train);
        NDList out = new NDList();
        for (String head : HEAD_NAMES) {
            out.add(pooled.matMul(trainable.get(head + "/kernel")).add(trainable.get(head + "/bias")));
        }
        return out;
    }

    /** The last adapted layer's token vectors (B × L × 768). */
    public NDArray hidden(NDArray x, NDArray mask, boolean train) {
        NDArray h = x;
        for (int l = 0; l < base.size(); l++) {
            if (train) {
                h = layer(l, h, mask, true); // autograd needs every intermediate until the backward pass
                continue;
            }
            // Scoring frees each layer's twenty-odd intermediates (a 3,072-wide GELU alone makes eight) before the
            // next layer runs: kept to the end of the batch they were most of a scoring run's resident memory.
            NDManager owner = h.getManager();
            try (NDManager scope = owner.newSubManager()) {
                h.tempAttach(scope);
                NDArray out = layer(l, h, mask, false);
                out.attach(owner);
                h = out;
            }
        }
        return h;
    }

    private NDArray layer(int l, NDArray x, NDArray mask, boolean train) {
        Map<String, NDArray> w = base.get(l);
        int layer = layerNumbers[l];
        long b = x.getShape().get(0);
        long len = x.getShape().get(1);
        NDArray q = project(layer, w, "attention/self/query", x, train).reshape(b, len, HEADS, HEAD_DIM).transpose(0, 2, 1, 3);
        NDArray k = project(layer, w, "attention/self/key", x, train).reshape(b, len, HEADS, HEAD_DIM).transpose(0, 2, 3, 1);
        NDArray v = project(layer, w, "attention/self/value", x, train).reshape(b, len, HEADS, HEAD_DIM).transpose(0, 2, 1, 3);
        NDArray bias = mask.neg().add(1f).mul(-10000f).reshape(b, 1, 1, len);
        NDArray scores = q.matMul(k);
        float inv = 1f / (float) Math.sqrt(HEAD_DIM);
        NDArray probs = drop((train ? scores.mul(inv).add(bias) : scores.muli(inv).addi(bias)).softmax(-1), train);
        NDArray ctx = probs.matMul(v).transpose(0, 2, 1, 3).reshape(b, len, DIM);
        NDArray a = drop(project(layer, w, "attention/output/dense", ctx, train), train);
        NDArray att = norm(plus(a, x, train), w, "attention/output/LayerNorm");
        NDArray inter = gelu(project(layer, w, "intermediate/dense", att, train), train);
        NDArray o = drop(project(layer, w, "output/dense", inter, train), train);
        return norm(plus(o, att, train), w, "output/LayerNorm");
    }

    /**
     * {@code y + z}. Scoring adds in place into {@code y}, always a fresh result no one else holds: fewer
     * batch-sized allocations, same values; autograd needs the copies.
     */
    private static NDArray plus(NDArray y, NDArray z, boolean train) {
        return train ? y.add(z) : y.addi(z);
    }

    private NDArray project(int layer, Map<String, NDArray> w, String p, NDArray x, boolean train) {
        NDArray y = plus(x.matMul(w.get(p + "/kernel")), w.get(p + "/bias"), train);
        if (merged) {
            return y;
        }
        NDArray low = drop(x, train).matMul(trainable.get(adapterName(layer, p, "a"))).matMul(trainable.get(adapterName(layer, p, "b")));
        return plus(y, train ? low.mul(scale) : low.muli(scale), train);
    }

    private NDArray drop(NDArray x, boolean train) {
        return train && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
    }

    private static NDArray norm(NDArray x, Map<String, NDArray> w, String p) {
        return LayerNorm.layerNorm(x, new Shape(DIM), w.get(p + "/gamma"), w.get(p + "/beta"), 1e-12f).singletonOrThrow();
    }

    /** GELU, tanh form: what BERT's graph computes. Scoring overwrites {@code x} (a fresh projection). */
    private static NDArray gelu(NDArray x, boolean train) {
        float c = (float) Math.sqrt(2 / Math.PI);
        if (!train) {
            return x.muli(x.pow(3).muli(0.044715f).addi(x).muli(c).tanh().addi(1f).muli(0.5f));
        }
        NDArray inner = x.add(x.pow(3).mul(0.044715f)).mul(c);
        return x.mul(0.5f).mul(inner.tanh().add(1f));
    }

    /** Logits of each task for one batch, [task][row][label] (no dropout). */
    public float[][][] logits(List<Encoded> encoded) {
        try (NDManager m = manager.newSubManager()) {
            NDList in = batch(m, encoded);
            NDList logits = forward(in.get(0), in.get(1), false);
            float[][][] out = new float[logits.size()][][];
            for (int t = 0; t < logits.size(); t++) {
                NDArray lg = logits.get(t).toType(DataType.FLOAT32, false);
                int k = (int) lg.getShape().get(1);
                float[] flat = lg.toFloatArray();
                out[t] = new float[encoded.size()][k];
                for (int r = 0; r < encoded.size(); r++) {
                    System.arraycopy(flat, r * k, out[t][r], 0, k);
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}

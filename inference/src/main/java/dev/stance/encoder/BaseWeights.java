package dev.stance.encoder;

import dev.stance.model.Checksums;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pretrained fp32 weights of one multilingual BERT transformer layer, read from the SavedModel of the Maven
 * Central jar, for families that run (and adapt) that layer outside TensorFlow. Read once per machine with a
 * throwaway TensorFlow session, then kept in the encoder cache as one file per layer; the file's SHA-256 is what
 * a model's manifest pins, so a model only ever runs on the exact base weights it was trained on.
 */
public final class BaseWeights {
    /** The sixteen variables of a layer, in file order (BERT's own names under {@code layer_<i>/}). */
    public static final List<String> NAMES = List.of(
            "attention/self/query/kernel", "attention/self/query/bias",
            "attention/self/key/kernel", "attention/self/key/bias",
            "attention/self/value/kernel", "attention/self/value/bias",
            "attention/output/dense/kernel", "attention/output/dense/bias",
            "attention/output/LayerNorm/gamma", "attention/output/LayerNorm/beta",
            "intermediate/dense/kernel", "intermediate/dense/bias",
            "output/dense/kernel", "output/dense/bias",
            "output/LayerNorm/gamma", "output/LayerNorm/beta");
    private static final int MAGIC = 0x4D425731; // "MBW1"

    /** A weight tensor: its shape and row-major values. */
    public record Tensor(long[] shape, float[] values) {
    }

    /** A layer's weights by {@link #NAMES} and the SHA-256 of its cache file. */
    public record Layer(int layer, Map<String, Tensor> tensors, String sha256) {
    }

    private BaseWeights() {
    }

    /** Transformer layer {@code layer} (1..12), from the cache or read from the SavedModel on first use. */
    public static synchronized Layer layer(int layer) {
        if (layer < 1 || layer > MbertEncoder.LAYERS) {
            throw new IllegalArgumentException("layer must be 1.." + MbertEncoder.LAYERS + ", not " + layer);
        }
        Path file = EncoderAssets.cacheRoot().resolve("mbert-multi-cased-L12-H768-layers").resolve("layer_" + layer + ".bin");
        try {
            if (!Files.isRegularFile(file)) {
                extract(file, layer);
            }
            return new Layer(layer, read(file), Checksums.sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the weights of mBERT layer " + layer + " (" + file + ")", e);
        }
    }

    private static void extract(Path file, int layer) throws IOException {
        List<String> graphNames = new ArrayList<>();
        for (String n : NAMES) {
            graphNames.add("module/bert/encoder/layer_" + (layer - 1) + "/" + n + "/Read/ReadVariableOp:0");
        }
        Map<String, Tensor> values;
        try (MbertEncoder encoder = MbertEncoder.load(1, 1)) {
            values = encoder.variables(graphNames);
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(MAGIC);
            out.writeInt(NAMES.size());
            for (int i = 0; i < NAMES.size(); i++) {
                Tensor t = values.get(graphNames.get(i));
                out.writeUTF(NAMES.get(i));
                out.writeInt(t.shape().length);
                for (long d : t.shape()) {
                    out.writeLong(d);
                }
                out.writeInt(t.values().length);
                for (float v : t.values()) {
                    out.writeFloat(v);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, Tensor> read(Path file) throws IOException {
        Map<String, Tensor> m = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != NAMES.size()) {
                throw new IOException("not a layer-weights file");
            }
            for (int i = 0; i < NAMES.size(); i++) {
                String name = in.readUTF();
                if (!name.equals(NAMES.get(i))) {
                    throw new IOException("expected " + NAMES.get(i) + ", found " + name);
                }
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                }
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = in.readFloat();
                }
                m.put(name, new Tensor(shape, v));
            }
        }
        return m;
    }
}

package dev.stance.encoder;

import dev.stance.model.Checksums;
import dev.stance.model.StatementInput;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Encoder outputs on disk, keyed by SHA-256 of (encoder id, statement, context), so training several heads
 * (or retraining one) encodes the corpus once. Token vectors are stored as bfloat16, which the encoder already
 * rounds to ({@link Encoded#bf16}), so a cache round trip is exact and training sees what scoring sees. The encoder is created only when something is missing,
 * so a warm cache never loads TensorFlow.
 */
public final class EmbeddingCache implements AutoCloseable {
    // Format 2 dropped BERT's pooled vector; entries of other formats read as missing and are encoded again.
    private static final int FORMAT = 2;

    private final Path dir;
    private final String encoderId;
    private final Supplier<TextEncoder> factory;
    private TextEncoder encoder;

    public EmbeddingCache(Path dir, String encoderId, Supplier<TextEncoder> factory) {
        this.dir = dir.resolve(Checksums.sha256(encoderId.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
        this.encoderId = encoderId;
        this.factory = factory;
    }

    /** The default location, under the encoder cache root. */
    public static Path defaultDir() {
        return EncoderAssets.cacheRoot().resolve("embeddings");
    }

    public List<Encoded> encode(List<StatementInput> inputs, int chunk, java.io.PrintStream progress) {
        Encoded[] out = new Encoded[inputs.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            out[i] = read(file(inputs.get(i)));
            if (out[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty() && progress != null) {
            progress.printf("encoding %d of %d statements (%d cached)%n", missing.size(), inputs.size(),
                    inputs.size() - missing.size());
        }
        long t0 = System.nanoTime();
        for (int from = 0; from < missing.size(); from += chunk) {
            List<Integer> part = missing.subList(from, Math.min(missing.size(), from + chunk));
            List<Encoded> enc = encoder().encode(part.stream().map(inputs::get).toList());
            for (int k = 0; k < part.size(); k++) {
                out[part.get(k)] = enc.get(k);
                write(file(inputs.get(part.get(k))), enc.get(k));
            }
            if (progress != null) {
                double s = (System.nanoTime() - t0) / 1e9;
                int done = Math.min(missing.size(), from + chunk);
                progress.printf("  %d/%d encoded, %.1f statements/s%n", done, missing.size(), done / s);
            }
        }
        return List.of(out);
    }

    private TextEncoder encoder() {
        if (encoder == null) {
            encoder = factory.get();
            if (!encoder.id().equals(encoderId)) {
                throw new IllegalStateException("encoder id " + encoder.id() + " does not match cache id " + encoderId);
            }
        }
        return encoder;
    }

    private Path file(StatementInput in) {
        String key = Checksums.sha256((encoderId + "\u0000" + in.text() + "\u0000"
                + (in.context() == null ? "" : in.context())).getBytes(StandardCharsets.UTF_8));
        return dir.resolve(key.substring(0, 2)).resolve(key + ".emb");
    }

    private static Encoded read(Path f) {
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
            if (in.readInt() != FORMAT) {
                return null;
            }
            int tokens = in.readInt();
            int dim = in.readInt();
            int[] segments = new int[tokens];
            for (int i = 0; i < tokens; i++) {
                segments[i] = in.readByte();
            }
            float[] seq = new float[tokens * dim];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = Float.intBitsToFloat((in.readShort() & 0xFFFF) << 16);
            }
            return new Encoded(tokens, dim, seq, segments);
        } catch (IOException e) {
            return null; // a truncated or corrupt entry is simply encoded again
        }
    }

    private static void write(Path f, Encoded e) {
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".emb", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeInt(e.tokens());
                out.writeInt(e.dim());
                for (int s : e.segments()) {
                    out.writeByte(s);
                }
                for (float v : e.sequence()) {
                    out.writeShort(Float.floatToIntBits(v) >>> 16);
                }
            }
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write embedding cache " + f, ex);
        }
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}

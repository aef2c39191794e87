package dev.stance.encoder;

import dev.stance.model.StatementInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One open encoder per encoder id in this JVM, shared by every model that reads it. A TensorFlow session holds
 * about 1.3 GB, so an ensemble of two heads on the same encoder must not load it twice. Each {@link #acquire}
 * returns a handle; the encoder closes when the last handle does.
 */
public final class SharedEncoders {
    private static final Map<String, Entry> OPEN = new HashMap<>();

    private SharedEncoders() {
    }

    private static final class Entry {
        final TextEncoder encoder;
        int handles;

        Entry(TextEncoder encoder) {
            this.encoder = encoder;
        }
    }

    /** A handle on the open encoder {@code id}, opened with {@code open} if no handle is held. */
    public static synchronized TextEncoder acquire(String id, Supplier<TextEncoder> open) {
        Entry e = OPEN.get(id);
        if (e == null) {
            TextEncoder opened = open.get();
            if (!opened.id().equals(id)) {
                opened.close();
                throw new IllegalStateException("asked for encoder " + id + " but opened " + opened.id());
            }
            e = new Entry(opened);
            OPEN.put(id, e);
        }
        e.handles++;
        return new Handle(id, e.encoder);
    }

    /** How many encoders are open (for tests). */
    static synchronized int openCount() {
        return OPEN.size();
    }

    private static synchronized void release(String id) {
        Entry e = OPEN.get(id);
        if (e != null && --e.handles == 0) {
            OPEN.remove(id);
            e.encoder.close();
        }
    }

    private static final class Handle implements TextEncoder {
        private final String id;
        private final TextEncoder encoder;
        private boolean closed;

        Handle(String id, TextEncoder encoder) {
            this.id = id;
            this.encoder = encoder;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int dim() {
            return encoder.dim();
        }

        @Override
        public List<Encoded> encode(List<StatementInput> inputs) {
            if (closed) {
                throw new IllegalStateException("encoder " + id + " handle is closed");
            }
            return encoder.encode(inputs);
        }

        @Override
        public void close() {
            synchronized (SharedEncoders.class) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            release(id);
        }
    }
}

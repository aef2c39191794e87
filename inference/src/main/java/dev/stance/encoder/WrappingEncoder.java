package dev.stance.encoder;

/**
 * An encoder that changes what reaches an inner encoder, or how its outputs are combined. Its id is the inner
 * id plus a suffix, so embeddings made through a wrapper never mix with the inner encoder's in the cache.
 */
abstract class WrappingEncoder implements TextEncoder {
    protected final TextEncoder inner;
    private final String suffix;

    WrappingEncoder(TextEncoder inner, String suffix) {
        this.inner = inner;
        this.suffix = suffix;
    }

    @Override
    public final String id() {
        return inner.id() + suffix;
    }

    @Override
    public final int dim() {
        return inner.dim();
    }

    @Override
    public final void close() {
        inner.close();
    }
}

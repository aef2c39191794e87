package dev.stance.encoder;

import dev.stance.model.StatementInput;
import java.util.List;

/**
 * A pretrained text encoder: statement and context in, contextual token vectors out. Heads depend on this
 * interface only, so a fine-tuned encoder (for example DJL PyTorch) can replace the frozen TensorFlow one.
 */
public interface TextEncoder extends AutoCloseable {
    /** Identifies encoder weights and tokenization; part of every embedding cache key. */
    String id();

    /** Width of each token vector. */
    int dim();

    /** Encodes each input as a sentence pair (statement, context); output order follows input order. */
    List<Encoded> encode(List<StatementInput> inputs);

    @Override
    void close();
}

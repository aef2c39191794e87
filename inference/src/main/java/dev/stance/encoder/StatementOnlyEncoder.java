package dev.stance.encoder;

import dev.stance.model.StatementInput;
import java.util.List;

/**
 * Encodes the statement alone and never its context, for heads that give the context no weight: encoding the
 * context would add its tokens to every isolated statement only to fill a block the head weighs at zero.
 */
public final class StatementOnlyEncoder extends WrappingEncoder {
    /** Appended to the inner encoder's id. */
    public static final String ID_SUFFIX = "/statement-only";

    public StatementOnlyEncoder(TextEncoder inner) {
        super(inner, ID_SUFFIX);
    }

    @Override
    public List<Encoded> encode(List<StatementInput> inputs) {
        return inner.encode(inputs.stream().map(in -> new StatementInput(in.text(), null)).toList());
    }
}

package dev.stance.encoder;

import dev.stance.model.StatementInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes statement and context as two single sentences instead of one pair, then joins the two outputs into
 * the pair layout heads already read ({@link #join}). In an article each sentence is the context of its
 * neighbour, so within a batch every distinct sentence is encoded once: about half the tokens of the pair
 * encoding, and attention cost (quadratic in length) falls further. The price is that statement tokens no
 * longer attend to the context; the context still reaches the head through its own pooled block.
 */
public final class SeparateContextEncoder extends WrappingEncoder {
    /** Appended to the inner encoder's id. */
    public static final String ID_SUFFIX = "/separate-context";

    public SeparateContextEncoder(TextEncoder inner) {
        super(inner, ID_SUFFIX);
    }

    @Override
    public List<Encoded> encode(List<StatementInput> inputs) {
        Map<String, Integer> distinct = new LinkedHashMap<>();
        for (StatementInput in : inputs) {
            distinct.putIfAbsent(in.text(), distinct.size());
            if (hasContext(in)) {
                distinct.putIfAbsent(in.context(), distinct.size());
            }
        }
        List<Encoded> singles = inner.encode(distinct.keySet().stream().map(t -> new StatementInput(t, null)).toList());
        List<Encoded> out = new ArrayList<>(inputs.size());
        for (StatementInput in : inputs) {
            Encoded text = singles.get(distinct.get(in.text()));
            out.add(hasContext(in) ? join(text, singles.get(distinct.get(in.context()))) : text);
        }
        return out;
    }

    private static boolean hasContext(StatementInput in) {
        return in.context() != null && !in.context().isBlank();
    }

    /**
     * The pair layout from two single encodings: the statement's [CLS] s… [SEP] as segment 0, then the
     * context's tokens without its [CLS] (c… [SEP]) as segment 1.
     */
    static Encoded join(Encoded statement, Encoded context) {
        int d = statement.dim();
        int n = statement.tokens() + context.tokens() - 1;
        float[] seq = Arrays.copyOf(statement.sequence(), n * d);
        System.arraycopy(context.sequence(), d, seq, statement.tokens() * d, (context.tokens() - 1) * d);
        int[] segments = new int[n];
        Arrays.fill(segments, statement.tokens(), n, 1);
        return new Encoded(n, d, seq, segments);
    }
}

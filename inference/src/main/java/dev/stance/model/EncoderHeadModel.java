package dev.stance.model;

import dev.stance.encoder.Encoded;
import dev.stance.encoder.TextEncoder;
import java.util.List;

/**
 * A model that is a head on a text encoder's output. An ensemble encodes a batch once per encoder id and hands
 * the result to every such member, so two heads on the same encoder cost one encoder pass.
 */
public interface EncoderHeadModel extends StanceModel {
    /** The encoder {@link #predict} runs; null when the model was built on precomputed encodings only. */
    TextEncoder encoder();

    /** Predictions from encoder outputs aligned with the inputs. */
    List<StatementPrediction> predictEncoded(List<Encoded> encoded);
}

package dev.stance.model.ensemble;

import java.util.List;

/**
 * An ensemble's members, pinned: each member model's id and the SHA-256 of its manifest (which in turn pins
 * its weight files), and the weight of its probabilities in the average.
 */
public record EnsembleConfig(List<Member> members) {
    /** One member: id of a model folder next to the ensemble's, its manifest hash, its weight. */
    public record Member(String id, String manifestSha256, double weight) {
    }
}

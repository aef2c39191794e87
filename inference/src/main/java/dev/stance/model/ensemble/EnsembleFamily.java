package dev.stance.model.ensemble;

import dev.stance.model.Checksums;
import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.ModelDirectory;
import dev.stance.model.ModelFamily;
import dev.stance.model.ModelLoadException;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads ensembles. Members are sibling folders in the same models/ folder; each member's manifest must still
 * have the SHA-256 recorded at export, so an ensemble never silently averages a different model version.
 */
public final class EnsembleFamily implements ModelFamily {
    public static final String NAME = "ensemble";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StanceModel load(Path dir, Manifest manifest) {
        EnsembleConfig config = config(manifest);
        List<StanceModel> members = new ArrayList<>();
        double[] weights = new double[config.members().size()];
        try {
            for (int k = 0; k < weights.length; k++) {
                EnsembleConfig.Member m = config.members().get(k);
                if (m.id() == null || m.id().equals(".") || m.id().equals("..") || ModelStore.isPath(m.id())) {
                    throw new ModelLoadException("ensemble " + manifest.id() + " names member '" + m.id()
                            + "', which is not the id of a sibling version");
                }
                if (!(m.weight() > 0) || Double.isInfinite(m.weight())) {
                    throw new ModelLoadException("ensemble " + manifest.id() + " gives member " + m.id()
                            + " the weight " + m.weight() + "; weights must be positive");
                }
                Path memberDir = dir.toAbsolutePath().getParent().resolve(m.id());
                String sha = Checksums.sha256(memberDir.resolve(ModelDirectory.MANIFEST));
                if (!sha.equals(m.manifestSha256())) {
                    throw new ModelLoadException("ensemble " + manifest.id() + " was built on a different " + m.id()
                            + " (manifest checksum mismatch); refusing to load it");
                }
                weights[k] = m.weight();
                members.add(ModelStore.load(memberDir));
            }
        } catch (IOException e) {
            members.forEach(StanceModel::close);
            throw new ModelLoadException("ensemble " + manifest.id() + " lacks a member: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            members.forEach(StanceModel::close);
            throw e;
        }
        return new EnsembleModel(manifest, members, weights);
    }

    public static EnsembleConfig config(Manifest manifest) {
        try {
            return Json.MAPPER.treeToValue(manifest.features(), EnsembleConfig.class);
        } catch (IOException e) {
            throw new ModelLoadException("ensemble " + manifest.id() + " has an invalid member list: " + e.getMessage(), e);
        }
    }
}

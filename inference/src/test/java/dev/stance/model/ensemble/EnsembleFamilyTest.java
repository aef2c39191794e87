package dev.stance.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.model.Json;
import dev.stance.model.Manifest;
import dev.stance.model.ModelLoadException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleFamilyTest {
    @TempDir
    Path dir;

    private static Manifest ensemble(String memberId, double weight) {
        var member = Map.of("id", memberId, "manifest_sha256", "00", "weight", weight);
        return new Manifest(Manifest.SCHEMA_VERSION, "e-v1", "e", "v1", EnsembleFamily.NAME,
                Map.of("stance", List.of("a")), Map.of(), Json.MAPPER.valueToTree(Map.of("members", List.of(member))),
                null, null, null, null, null, null, null, Map.of());
    }

    @Test
    void aMemberOutsideTheSiblingVersionsIsRefused() {
        for (String id : new String[] {"../elsewhere", "/etc", "..", "sub/m-v1"}) {
            var e = assertThrows(ModelLoadException.class,
                    () -> new EnsembleFamily().load(dir.resolve("e-v1"), ensemble(id, 1.0)));
            assertTrue(e.getMessage().contains("not the id of a sibling version"), e.getMessage());
        }
    }

    @Test
    void aMemberWithoutAPositiveWeightIsRefused() {
        for (double w : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            var e = assertThrows(ModelLoadException.class,
                    () -> new EnsembleFamily().load(dir.resolve("e-v1"), ensemble("m-v1", w)));
            assertTrue(e.getMessage().contains("weights must be positive"), e.getMessage());
        }
    }
}

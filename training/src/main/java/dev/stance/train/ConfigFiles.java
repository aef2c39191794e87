package dev.stance.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.model.Json;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a {@code --config} file over a family's defaults. Unlike manifests, which are read leniently so that
 * older code can open newer models, a config is strict: a misspelt key would otherwise train silently with the
 * default value and record that default in the manifest as if it had been chosen.
 */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** The defaults with every top-level key of {@code file} replacing the default's value. */
    static <T> T read(Path file, T defaults, Class<T> type) throws IOException {
        ObjectNode tree = Json.MAPPER.valueToTree(defaults);
        if (file == null) {
            return Json.MAPPER.treeToValue(tree, type);
        }
        JsonNode given = Json.MAPPER.readTree(file.toFile());
        if (given == null || !given.isObject()) {
            throw new IOException(file + " must hold a JSON object");
        }
        tree.setAll((ObjectNode) given);
        try {
            return Json.MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
        } catch (UnrecognizedPropertyException e) {
            throw new IOException(file + ": unknown key '" + e.getPropertyName() + "'"
                    + (e.getPath().size() > 1 ? " in '" + e.getPath().get(0).getFieldName() + "'" : "")
                    + "; known keys: " + e.getKnownPropertyIds(), e);
        }
    }
}

package dev.stance.train;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a {@code --config} file over a family's defaults. Unlike manifests, which are read leniently so that
 * older code can open newer models, a config is strict: a misspelt key would otherwise train silently with the
 * default value and record that default in the manifest as if it had been chosen, and a quoted number or a
 * fraction where a count belongs would be coerced. Every problem is one {@link InvalidConfigException} line
 * naming the file, the key and what the key allows.
 */
final class ConfigFiles {
    /** Binds without coercion ("10" is not a number, 2.5 not an integer, 1 not true, null not 0), no key twice. */
    private static final ObjectMapper STRICT = strict();

    private ConfigFiles() {
    }

    private static ObjectMapper strict() {
        ObjectMapper m = Json.MAPPER.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // a key given twice is a mistake too
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    /**
     * The defaults with every key of {@code file} replacing the default's value; a nested object (such as
     * {@code features}) is merged key by key, so it too may leave keys out.
     *
     * @param file the config file, or null for the defaults
     * @param rules what each numeric key allows, checked on the file's values before binding
     * @throws InvalidConfigException for a missing or unreadable file, invalid JSON, a non-object, an unknown
     *         key, a null, a value of the wrong type or out of range
     */
    static <T> T read(Path file, T defaults, Class<T> type, List<Allowed> rules) {
        ObjectNode tree = Json.MAPPER.valueToTree(defaults);
        if (file == null) {
            return Json.MAPPER.convertValue(tree, type);
        }
        JsonNode given = parse(file);
        if (given == null || !given.isObject()) {
            throw new InvalidConfigException(file, "must hold a JSON object ({\"key\": value, ...}), not "
                    + (given == null || given.isMissingNode() ? "nothing" : given.getNodeType()), null);
        }
        rejectNulls(file, given, "");
        merge(tree, (ObjectNode) given);
        for (Allowed rule : rules) {
            JsonNode v = tree.at("/" + rule.key().replace('.', '/'));
            if (v.isMissingNode()) {
                continue;
            }
            boolean rightType = rule.integer() ? v.isIntegralNumber() : v.isNumber();
            if (!rightType || !rule.accepts(v.asDouble())) {
                throw new InvalidConfigException(file, "'" + rule.key() + "' is " + v + "; allowed: "
                        + rule.describe(), null);
            }
        }
        try {
            return STRICT.readerFor(type).readValue(tree);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            throw new InvalidConfigException(file, "unknown key '" + e.getPropertyName() + "'"
                    + (e.getPath().size() > 1 ? " in '" + e.getPath().get(0).getFieldName() + "'" : "")
                    + "; known keys: " + known, e);
        } catch (ValueInstantiationException e) {
            // a record's own check (a range across keys, an enumerated value); its message names the key
            String message = (e.getCause() != null ? e.getCause() : e).getMessage();
            if (!e.getPath().isEmpty() && message.startsWith("'")) {
                message = message.replaceFirst("^'", "'" + path(e) + "."); // a nested key, named from the top
            }
            throw new InvalidConfigException(file, message, e);
        } catch (MismatchedInputException e) {
            throw new InvalidConfigException(file, "'" + path(e) + "' must be " + typeName(e.getTargetType())
                    + ", not " + tree.at(pointer(e)), e);
        } catch (IOException e) {
            throw new InvalidConfigException(file, firstLine(e.getMessage()), e);
        }
    }

    private static JsonNode parse(Path file) {
        try {
            return STRICT.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidConfigException(file, "not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(file, "no such file", e);
        } catch (IOException e) {
            throw new InvalidConfigException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A null would bind as 0 or false, or as a missing list; leaving the key out is how to keep a default. */
    private static void rejectNulls(Path file, JsonNode node, String at) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = at + e.getKey();
            if (e.getValue().isNull()) {
                throw new InvalidConfigException(file, "'" + key + "' is null; leave the key out to keep its"
                        + " default", null);
            }
            if (e.getValue().isObject()) {
                rejectNulls(file, e.getValue(), key + ".");
            }
        }
    }

    private static void merge(ObjectNode into, ObjectNode given) {
        given.fields().forEachRemaining(e -> {
            JsonNode old = into.get(e.getKey());
            if (old != null && old.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) old, (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream().map(r -> "/" + (r.getFieldName() != null ? r.getFieldName() : r.getIndex()))
                .collect(Collectors.joining());
    }

    private static String typeName(Class<?> t) {
        if (t == null) {
            return "of another type";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class || t == float.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(t)) {
            return "a list";
        }
        return "an object";
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}

package dev.stance.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses statement records from JSON Lines and checks them against the schema.
 *
 * <p>Every problem is reported with file and line; {@link #readAll} throws when any line is invalid, so a
 * trainer never silently learns from a partial file. Unknown fields are ignored.
 */
public final class StatementReader {
    /** Longer texts are almost certainly a whole article pasted into one record. */
    public static final int MAX_TEXT_CHARS = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementReader() {
    }

    /** The parsed records and the errors of one or more files. */
    public record Result(List<Statement> statements, List<Location> locations, List<RecordError> errors) {
    }

    /** Where a parsed statement came from (aligned with {@link Result#statements()}). */
    public record Location(String file, long line) {
    }

    /** Reads every file; throws {@link DataFormatException} listing all invalid lines if there is any. */
    public static List<Statement> readAll(List<Path> files) {
        List<Statement> all = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        for (Path f : files) {
            Result r = read(f);
            all.addAll(r.statements());
            errors.addAll(r.errors());
        }
        if (!errors.isEmpty()) {
            throw new DataFormatException(errors);
        }
        return all;
    }

    /** Reads one file, collecting per-line errors instead of stopping at the first. */
    public static Result read(Path file) {
        List<Statement> out = new ArrayList<>();
        List<Location> locations = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        String name = file.toString();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(parse(line));
                    locations.add(new Location(name, n));
                } catch (IllegalArgumentException e) {
                    errors.add(new RecordError(name, n, e.getMessage()));
                }
            }
        } catch (CharacterCodingException e) {
            errors.add(new RecordError(name, 0, "file is not valid UTF-8"));
        } catch (IOException e) {
            errors.add(new RecordError(name, 0, "cannot read: " + e.getMessage()));
        } catch (UncheckedIOException e) {
            errors.add(new RecordError(name, 0, "cannot read: " + e.getCause().getMessage()));
        }
        return new Result(out, locations, errors);
    }

    /** Parses and validates one JSON line; throws IllegalArgumentException with a precise message. */
    public static Statement parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        String id = string(node, "id", true);
        String text = string(node, "text", true);
        if (text.isBlank()) {
            throw new IllegalArgumentException("record '" + id + "': text is empty");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("record '" + id + "': text has " + text.length()
                    + " characters, more than " + MAX_TEXT_CHARS);
        }
        String stance = label(node, id, Task.STANCE);
        String openness = label(node, id, Task.OPENNESS);
        String split = string(node, "split", false);
        if (split != null && !List.of("train", "dev", "test").contains(split)) {
            throw new IllegalArgumentException("record '" + id + "': split '" + split
                    + "' is not one of train, dev, test");
        }
        return new Statement(id, text, string(node, "context", false), string(node, "speaker", false),
                string(node, "lang", false), stance, openness, string(node, "source", false), split,
                string(node, "family", false));
    }

    private static String label(JsonNode node, String id, Task task) {
        String value = string(node, task.key(), false);
        if (value != null && !task.isLabel(value)) {
            throw new IllegalArgumentException("record '" + id + "': " + task.key() + " '" + value
                    + "' is not one of " + task.labels());
        }
        return value;
    }

    private static String string(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing required field '" + field + "'");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string, got " + v.getNodeType());
        }
        return v.asText();
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}

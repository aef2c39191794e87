package dev.stance.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses statement records from JSON Lines and checks them against the schema.
 *
 * <p>Every problem is reported with file and line; {@link #readAll} throws when any line is invalid, so a
 * trainer never silently learns from a partial file. Unknown fields are ignored. This is the one reader of
 * statement files (train, evaluate, benchmark, data validate and stats all use it), so they accept the same
 * files: UTF-8, with or without a byte order mark.
 */
public final class StatementReader {
    /** Longer texts are almost certainly a whole article pasted into one record. */
    public static final int MAX_TEXT_CHARS = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOM = "\uFEFF";

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
        forEach(file, line -> {
            if (line.statement() != null) {
                out.add(line.statement());
                locations.add(line.location());
            } else {
                errors.add(line.error());
            }
        });
        return new Result(out, locations, errors);
    }

    /**
     * One line of a statement file, as {@link #forEach} hands it over: a valid statement, or the reason it is
     * not. Exactly one of {@code statement} and {@code error} is set.
     *
     * @param location file and 1-based line (0 for a problem with the whole file)
     * @param statement the parsed record, or null
     * @param error why the line (or the file) is invalid, or null
     * @param bytesRead bytes of the file read so far (read ahead in blocks, so a progress figure, not an offset)
     */
    public record Line(Location location, Statement statement, RecordError error, long bytesRead) {
    }

    /**
     * Reads one file line by line and hands each non-blank line to {@code each} as it is read, so a caller
     * that keeps only what it needs runs in memory independent of the file's size. A UTF-8 byte order mark
     * before the first record is skipped (editors on Windows write one). A file that is unreadable, or stops
     * being valid UTF-8, ends with one error at line 0 after the lines read before the problem.
     */
    public static void forEach(Path file, Consumer<Line> each) {
        String name = file.toString();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long[] bytes = new long[1];
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader in = new BufferedReader(new InputStreamReader(counting(raw, bytes), decoder))) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith(BOM)) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                Location at = new Location(name, n);
                try {
                    each.accept(new Line(at, parse(line), null, bytes[0]));
                } catch (IllegalArgumentException e) {
                    each.accept(new Line(at, null, new RecordError(name, n, e.getMessage()), bytes[0]));
                }
            }
        } catch (CharacterCodingException e) {
            each.accept(fileError(name, "file is not valid UTF-8", bytes[0]));
        } catch (IOException e) {
            each.accept(fileError(name, "cannot read: " + e.getMessage(), bytes[0]));
        } catch (UncheckedIOException e) {
            each.accept(fileError(name, "cannot read: " + e.getCause().getMessage(), bytes[0]));
        }
    }

    private static Line fileError(String name, String message, long bytesRead) {
        return new Line(new Location(name, 0), null, new RecordError(name, 0, message), bytesRead);
    }

    /** {@code in}, adding the bytes it delivers to {@code count[0]}. */
    private static InputStream counting(InputStream in, long[] count) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count[0]++;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    count[0] += n;
                }
                return n;
            }
        };
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
        // Statements of one page share its context and often its wording, so a page groups them like a
        // paraphrase family: they stay on one side of every split and fold.
        String family = string(node, "family", false);
        String url = string(node, "url", false);
        if (family == null && url != null) {
            family = "url:" + url;
        }
        return new Statement(id, text, string(node, "context", false), string(node, "speaker", false),
                string(node, "lang", false), stance, openness, string(node, "source", false), split, family);
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

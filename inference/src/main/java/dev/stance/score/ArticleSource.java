package dev.stance.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Turns command-line inputs (files, folders, {@code -} for stdin) into a lazy sequence of {@link Article}s.
 *
 * <p>{@code .txt} files are one article each; {@code .jsonl} files hold one {@code {"id","text"}} object per
 * line. Folders are walked recursively in sorted order for those extensions. Anything unreadable becomes a
 * failed article carrying the reason, so the caller can write an error record and go on.
 */
public final class ArticleSource implements Iterable<Article> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> inputs;
    private final InputStream stdin;

    public ArticleSource(List<String> inputs, InputStream stdin) {
        this.inputs = List.copyOf(inputs);
        this.stdin = stdin;
    }

    @Override
    public Iterator<Article> iterator() {
        return new Iterator<>() {
            private final Iterator<String> args = inputs.iterator();
            private Iterator<Article> current = List.<Article>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && args.hasNext()) {
                    current = expand(args.next());
                }
                return current.hasNext();
            }

            @Override
            public Article next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private Iterator<Article> expand(String arg) {
        if (arg.equals("-")) {
            try {
                return fromBytes("stdin", stdin.readAllBytes(), true);
            } catch (IOException e) {
                return List.of(Article.failed("stdin", "cannot read stdin: " + e.getMessage())).iterator();
            }
        }
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).filter(ArticleSource::supported).sorted().forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                return List.of(Article.failed(arg, "cannot list folder: " + e.getMessage())).iterator();
            }
            return files.stream().flatMap(f -> stream(readFile(f))).iterator();
        }
        if (!Files.exists(p)) {
            return List.of(Article.failed(arg, "no such file or folder")).iterator();
        }
        return readFile(p);
    }

    private static Stream<Article> stream(Iterator<Article> it) {
        List<Article> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list.stream();
    }

    static boolean supported(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".jsonl");
    }

    private static Iterator<Article> readFile(Path f) {
        String id = f.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            return List.of(Article.failed(id, "cannot read file: " + e.getMessage())).iterator();
        }
        boolean jsonl = id.toLowerCase(Locale.ROOT).endsWith(".jsonl");
        return fromBytes(id, bytes, jsonl);
    }

    /** Stdin is taken as JSON Lines when it starts with '{', else as one plain-text article. */
    private static Iterator<Article> fromBytes(String id, byte[] bytes, boolean maybeJsonl) {
        String text;
        try {
            text = TextDecoding.decode(bytes);
        } catch (IllegalArgumentException e) {
            return List.of(Article.failed(id, e.getMessage())).iterator();
        }
        boolean jsonl = maybeJsonl && (id.endsWith(".jsonl") || text.stripLeading().startsWith("{"));
        return jsonl ? jsonLines(id, text).iterator() : List.of(Article.ok(id, text)).iterator();
    }

    private static List<Article> jsonLines(String file, String text) {
        List<Article> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + n;
                try {
                    JsonNode node = JSON.readTree(line);
                    JsonNode t = node == null ? null : node.get("text");
                    if (t == null || !t.isTextual()) {
                        out.add(Article.failed(where, "JSON line has no string field 'text'"));
                        continue;
                    }
                    JsonNode idNode = node.get("id");
                    String id = idNode != null && !idNode.isNull() ? idNode.asText() : where;
                    if (t.asText().isBlank()) {
                        out.add(Article.failed(id, "empty text"));
                    } else {
                        out.add(Article.ok(id, t.asText()));
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    out.add(Article.failed(where, "malformed JSON line: " + e.getOriginalMessage()));
                }
            }
        } catch (IOException e) {
            out.add(Article.failed(file, "cannot read: " + e.getMessage()));
        }
        return out;
    }
}

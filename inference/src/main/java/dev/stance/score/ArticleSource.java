package dev.stance.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import dev.stance.sources.HtmlPages;
import dev.stance.sources.MarkdownPages;
import dev.stance.sources.PageText;
import dev.stance.sources.TextDecoding;

/**
 * Turns command-line inputs (files, folders, {@code -} for stdin) into a lazy sequence of {@link Article}s: the
 * one way into the pipeline for every reader of articles (the {@code score} command, batch jobs, tools).
 *
 * <p>{@code .txt} files are one article each (UTF-8, or UTF-8/UTF-16 with a byte-order mark). {@code .html}/
 * {@code .htm} files are saved pages: decoded by their declared charset, and the article extracted from the page
 * furniture ({@link HtmlPages}; with {@code keepBoilerplate} the whole page text). {@code .md} files are Markdown
 * ({@link MarkdownPages}). Offsets then point into the extracted text. {@code .jsonl} files hold one
 * {@code {"id","text"}} object per line and are read line by line; {@code .warc}/{@code .warc.gz} files are
 * streamed record by record ({@link WarcArticles}). Stdin is JSON Lines when it starts with '{', a page when it
 * starts with an HTML tag, else one plain-text article. Folders are walked recursively in sorted
 * order for those extensions, following symbolic links (a link back into a folder being walked is a loop and
 * gets an error record). Anything unreadable becomes a failed article carrying the reason, so the caller
 * can write an error record and go on: inside a folder, an entry with one of those extensions that is not a
 * regular file (a FIFO, socket or device, which could block or never end, or a broken link) is refused
 * unopened, and a folder without any such entry is an error too, never a silent empty run. A non-regular
 * file named on the command line is read as a stream, like stdin (a named pipe waits for its writer). Memory
 * stays bounded: a file, stream, stdin, JSON line or WARC payload over {@link #MAX_ARTICLE_BYTES} is refused unread instead
 * of loaded.
 */
public final class ArticleSource implements Iterable<Article> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Larger inputs are refused: no news article is this long, and loading one would risk the heap. */
    public static final int MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

    private final List<String> inputs;
    private final InputStream stdin;
    private final boolean keepBoilerplate;

    public ArticleSource(List<String> inputs, InputStream stdin) {
        this(inputs, stdin, false);
    }

    /** {@code keepBoilerplate}: take the whole text of HTML pages instead of extracting the article. */
    public ArticleSource(List<String> inputs, InputStream stdin, boolean keepBoilerplate) {
        this.inputs = List.copyOf(inputs);
        this.stdin = stdin;
        this.keepBoilerplate = keepBoilerplate;
    }

    @Override
    public Iterator<Article> iterator() {
        return flatten(inputs.iterator(), this::expand);
    }

    /**
     * The number of articles, when known without reading any file: every input is a file or folder of
     * one-article files. -1 for stdin or JSON Lines, whose article count needs a full read.
     */
    public int countIfKnown() {
        int n = 0;
        for (String arg : inputs) {
            Path p = Path.of(arg);
            if (arg.equals("-") || manyPerFile(arg)) {
                return -1;
            }
            if (Files.isDirectory(p)) {
                List<Entry> entries = list(p);
                if (entries.stream().anyMatch(f -> manyPerFile(f.path().toString()))) {
                    return -1;
                }
                n += Math.max(1, entries.size()); // an empty folder gives one error record
            } else {
                n++;
            }
        }
        return n;
    }

    private Iterator<Article> expand(String arg) {
        if (arg.equals("-")) {
            try {
                byte[] bytes = stdin.readNBytes(MAX_ARTICLE_BYTES + 1);
                if (bytes.length > MAX_ARTICLE_BYTES) {
                    return List.of(Article.failed("stdin", tooLarge())).iterator();
                }
                return fromStdin(bytes);
            } catch (IOException e) {
                return List.of(Article.failed("stdin", "cannot read stdin: " + e.getMessage())).iterator();
            }
        }
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            List<Entry> entries = list(p);
            if (entries.isEmpty()) {
                return List.of(emptyFolder(arg)).iterator();
            }
            return flatten(entries.iterator(),
                    e -> e.error() == null ? readFile(e.path()) : List.of(Article.failed(e.path().toString(),
                            e.error())).iterator());
        }
        if (!Files.exists(p)) {
            return List.of(Article.failed(arg, Files.isSymbolicLink(p) ? "broken symbolic link"
                    : "no such file or folder")).iterator();
        }
        return readFile(p);
    }

    /** The error record of a folder that holds no article file (readers of other file systems use it too). */
    public static Article emptyFolder(String folder) {
        return Article.failed(folder, "no articles found: the folder holds no .txt, .md, .html, .htm, .jsonl, .warc"
                + " or .warc.gz file");
    }

    /** A file found in a folder, or why it cannot be read ({@code error} non-null). */
    private record Entry(Path path, String error) {
    }

    /**
     * The entries of {@code dir} with a supported extension, recursively and sorted, following symbolic
     * links. Non-regular files, broken links, link loops and unreadable sub-folders come back as errors, so
     * the caller reports every one of them instead of skipping it.
     */
    private static List<Entry> list(Path dir) {
        List<Entry> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                            if (!supported(f)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isRegularFile()) {
                                out.add(new Entry(f, null));
                            } else if (attrs.isSymbolicLink()) {
                                out.add(new Entry(f, "broken symbolic link")); // following it failed
                            } else {
                                out.add(new Entry(f, "not a regular file (a FIFO, socket or device); name it on"
                                        + " the command line to read it as a stream"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            out.add(new Entry(f, e instanceof FileSystemLoopException
                                    ? "symbolic link loop: it leads back into a folder being read; skipped"
                                    : "cannot read: " + e.getMessage()));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            out.add(new Entry(dir, "cannot list folder: " + e.getMessage()));
        }
        out.sort(Comparator.comparing(Entry::path));
        return out;
    }

    /** Concatenates the articles of each source, expanding a source only when the ones before it are used up. */
    private static <T> Iterator<Article> flatten(Iterator<T> sources, java.util.function.Function<T, Iterator<Article>> expand) {
        return new Iterator<>() {
            private Iterator<Article> current = List.<Article>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && sources.hasNext()) {
                    current = expand.apply(sources.next());
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

    static boolean supported(Path f) {
        return supported(f.getFileName().toString());
    }

    /** True for the file names this source reads: .txt, .md, .html/.htm and .jsonl, in any letter case. */
    public static boolean supported(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".jsonl") || name.endsWith(".md")
                || HtmlPages.isHtmlName(name) || WarcArticles.isWarcName(name);
    }

    /** Formats holding many articles per file, whose count needs a full read. */
    private static boolean manyPerFile(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".jsonl") || WarcArticles.isWarcName(name);
    }

    private static String tooLarge() {
        return "too large (over " + MAX_ARTICLE_BYTES / (1024 * 1024) + " MiB); split it into articles";
    }

    private Iterator<Article> readFile(Path f) {
        if (WarcArticles.isWarcName(f.toString().toLowerCase(Locale.ROOT))) {
            return new WarcArticles(f, keepBoilerplate);
        }
        long size;
        try {
            size = Files.isRegularFile(f) ? Files.size(f) : -1; // a pipe or device has no size: read with the cap
        } catch (IOException e) {
            return List.of(Article.failed(f.toString(), "cannot read file: " + e.getMessage())).iterator();
        }
        return readFile(f.toString(), size, () -> Files.newInputStream(f), keepBoilerplate);
    }

    /** Opens a file's bytes, for readers whose files are not on the local file system (Spark, HDFS, S3). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * The articles of one input file, converted exactly as for a local file: the file's extension (of
     * {@code id}) picks plain text, Markdown, HTML or JSON Lines; unreadable input becomes failed articles. A web
     * archive is read from a local path only (its reader skips damaged members by position), so through this
     * method it is an error record.
     *
     * @param id the file's name as it appears in results; its extension must be one {@link #supported(String)}
     * @param size the file's length in bytes, as listed, or -1 if unknown; a file over {@link #MAX_ARTICLE_BYTES}
     *     is refused unread, and reading stops past that many bytes whatever the size said
     * @param open opens the file; called at most once, lazily for JSON Lines
     * @param keepBoilerplate take the whole text of HTML pages instead of extracting the article
     */
    public static Iterator<Article> readFile(String id, long size, Opener open, boolean keepBoilerplate) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl")) {
            return new JsonLinesReader(id, open);
        }
        if (WarcArticles.isWarcName(lower)) {
            return List.of(Article.failed(id, "web archives are read from a local file only")).iterator();
        }
        byte[] bytes;
        try {
            if (size > MAX_ARTICLE_BYTES) {
                return List.of(Article.failed(id, tooLarge())).iterator();
            }
            // read with a cap, not by size: a named pipe or device has none, and a file may grow meanwhile
            try (InputStream in = open.open()) {
                bytes = in.readNBytes(MAX_ARTICLE_BYTES + 1);
            }
            if (bytes.length > MAX_ARTICLE_BYTES) {
                return List.of(Article.failed(id, tooLarge())).iterator();
            }
        } catch (IOException e) {
            return List.of(Article.failed(id, "cannot read file: " + e.getMessage())).iterator();
        }
        return List.of(fromFile(id, lower, bytes, keepBoilerplate)).iterator();
    }

    /** A one-article file, read by the format its name gives; a page's url is only what the page declares. */
    private static Article fromFile(String id, String lowerName, byte[] bytes, boolean keepBoilerplate) {
        try {
            if (HtmlPages.isHtmlName(lowerName)) {
                return page(id, HtmlPages.read(bytes, null, null, keepBoilerplate));
            }
            String text = TextDecoding.decode(bytes);
            if (!lowerName.endsWith(".md")) {
                return Article.ok(id, text);
            }
            String plain = MarkdownPages.toText(text);
            return plain.isBlank() ? Article.failed(id, "no text after removing markup") : Article.ok(id, plain);
        } catch (IllegalArgumentException e) {
            return Article.failed(id, e.getMessage());
        }
    }

    private static Article page(String id, PageText p) {
        return new Article(id, p.text(), null, p.url(), p.date(), p.title());
    }

    /** Stdin is JSON Lines when it starts with '{', an HTML page when it starts with a tag, else plain text. */
    private Iterator<Article> fromStdin(byte[] bytes) {
        String text;
        try {
            text = TextDecoding.decode(bytes);
        } catch (IllegalArgumentException e) {
            if (!looksLikeHtml(new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1))) {
                return List.of(Article.failed("stdin", e.getMessage())).iterator();
            }
            text = null; // a page in another charset: decoded by its own declaration below
        }
        if (text == null || looksLikeHtml(text)) {
            return List.of(fromFile("stdin", "stdin.html", bytes, keepBoilerplate)).iterator();
        }
        return text.stripLeading().startsWith("{") ? jsonLines("stdin", text).iterator()
                : List.of(Article.ok("stdin", text)).iterator();
    }

    private static boolean looksLikeHtml(String text) {
        String head = text.stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml");
    }

    /** One JSON line as an article, or the reason it is not one; {@code where} is file:line. */
    static Article jsonLine(String where, String line) {
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode t = node == null ? null : node.get("text");
            if (t == null || !t.isTextual()) {
                return Article.failed(where, "JSON line has no string field 'text'");
            }
            JsonNode idNode = node.get("id");
            String id = idNode != null && !idNode.isNull() ? idNode.asText() : where;
            return t.asText().isBlank() ? Article.failed(id, "empty text") : Article.ok(id, t.asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Article.failed(where, "malformed JSON line: " + e.getOriginalMessage());
        }
    }

    private static List<Article> jsonLines(String file, String text) {
        List<Article> out = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            if (!lines[n].isBlank()) {
                out.add(jsonLine(file + ":" + (n + 1), lines[n]));
            }
        }
        return out;
    }
}

package dev.stance.notebooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook in {@code notebooks/} without Jupyter: the code cells, in order, go through the
 * JDK's JShell API on the test classpath, one JShell per notebook. Kernel magic lines ({@code %...}) are
 * skipped; everything else must be plain Java. A cell fails the test when any of its snippets is rejected,
 * does not compile, refers to something undefined, or throws.
 */
class NotebooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path root() {
        String p = System.getProperty("stance.repo.root");
        return p != null ? Path.of(p) : Path.of("..").toAbsolutePath().normalize();
    }

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> s = Files.list(root().resolve("notebooks"))) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /** The code cells of a notebook, in order, with kernel magic lines removed (blank cells dropped). */
    static List<String> codeCells(Path notebook) throws IOException {
        JsonNode nb = JSON.readTree(notebook.toFile());
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : nb.get("cells")) {
            if (!"code".equals(cell.path("cell_type").asText())) {
                continue;
            }
            JsonNode src = cell.get("source");
            String text;
            if (src.isArray()) {
                StringBuilder sb = new StringBuilder();
                src.forEach(l -> sb.append(l.asText()));
                text = sb.toString();
            } else {
                text = src.asText();
            }
            String java = text.lines().filter(l -> !l.stripLeading().startsWith("%"))
                    .collect(Collectors.joining("\n"));
            if (!java.isBlank()) {
                cells.add(java);
            }
        }
        return cells;
    }

    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsWithoutErrors() throws IOException {
        List<Path> notebooks = notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks in " + root().resolve("notebooks"));
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> run(nb)));
    }

    static void run(Path notebook) throws IOException {
        List<String> cells = codeCells(notebook);
        long t0 = System.nanoTime();
        try (JShell shell = JShell.builder().executionEngine("local").out(System.out).err(System.err).build()) {
            for (String entry : classpath().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            for (int i = 0; i < cells.size(); i++) {
                runCell(shell, notebook.getFileName() + " code cell " + (i + 1), cells.get(i));
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d code cells in %.1f s%n", notebook.getFileName(), cells.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    static void runCell(JShell shell, String where, String cell) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> { }
                case EMPTY -> {
                    return;
                }
                default -> fail(where + ": incomplete or unparseable source (" + info.completeness() + "):\n"
                        + remaining);
            }
            String source = info.source();
            remaining = info.remaining();
            for (SnippetEvent e : shell.eval(source)) {
                check(shell, where, source, e);
            }
        }
    }

    static void check(JShell shell, String where, String source, SnippetEvent e) {
        if (e.exception() != null) {
            String cls = e.exception() instanceof EvalException ee ? ee.getExceptionClassName()
                    : e.exception().getClass().getName();
            throw new AssertionError(where + ": " + cls + ": " + e.exception().getMessage() + "\nin:\n" + source,
                    e.exception());
        }
        Snippet.Status status = e.status();
        if (status == Snippet.Status.REJECTED || status == Snippet.Status.RECOVERABLE_DEFINED
                || status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            List<String> unresolved = e.snippet() instanceof DeclarationSnippet d
                    ? shell.unresolvedDependencies(d).toList() : List.of();
            fail(where + ": snippet " + status + "\n" + diagnostics(shell, e.snippet())
                    + (unresolved.isEmpty() ? "" : "\nunresolved: " + unresolved) + "\nin:\n" + source);
        }
    }

    static String diagnostics(JShell shell, Snippet s) {
        return shell.diagnostics(s).map(d -> (d.isError() ? "error: " : "warning: ")
                + d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"));
    }
}

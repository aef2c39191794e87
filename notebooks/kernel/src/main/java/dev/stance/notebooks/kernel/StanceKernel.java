package dev.stance.notebooks.kernel;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;

/**
 * A small Jupyter kernel for the stance notebooks: cells are Java, evaluated by JShell in this JVM (local
 * execution, so output goes through the Jupyter streams the base kernel installs), behind the Jupyter
 * protocol implementation of JJava's {@code jjava-jupyter} library.
 *
 * <p>One line magic: {@code %classpath <entry>...} adds jars or folders, relative to the notebook's folder;
 * {@code @file} reads entries from a classpath file ({@code :}-separated, as Maven's build-classpath writes).
 * The launcher ({@code notebooks/kernel/run-kernel.sh}) also starts the JVM with the project's classpath, so
 * service lookups (model families) see the project classes.
 */
public final class StanceKernel extends BaseKernel {
    private final JShell shell;

    private StanceKernel(String name, String version, org.dflib.jjava.jupyter.kernel.history.HistoryManager history,
                         org.dflib.jjava.jupyter.kernel.JupyterIO io, org.dflib.jjava.jupyter.kernel.comm.CommManager comms,
                         org.dflib.jjava.jupyter.kernel.display.Renderer renderer, MagicParser magics,
                         org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry registry,
                         org.dflib.jjava.jupyter.kernel.util.StringStyler errorStyler) {
        super(name, version,
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java",
                        null),
                List.of(), history, io, comms, renderer, magics, registry, false, errorStyler);
        this.shell = JShell.builder().executionEngine("local").out(System.out).err(System.err).build();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
    }

    static final class Builder extends BaseKernelBuilder<Builder, StanceKernel> {
        @Override
        public StanceKernel build() {
            return new StanceKernel(buildName(), buildVersion(), buildHistoryManager(),
                    buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(),
                    new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler()), buildMagicsRegistry(),
                    buildErrorStyler());
        }

        @Override
        protected String buildName() {
            return "stance-java";
        }

        @Override
        protected String buildVersion() {
            return "0.1.0";
        }
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (JShell) for the stance notebooks";
    }

    /** Runs a cell: magic lines first, then every Java snippet in order. Returns the last expression value. */
    @Override
    public Object evalRaw(String cell) {
        StringBuilder java = new StringBuilder();
        for (String line : cell.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("%")) {
                try {
                    magic(t.substring(1));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                java.append('\n');
            } else {
                java.append(line).append('\n');
            }
        }
        String value = null;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = java.toString();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> { }
                case EMPTY -> {
                    return value;
                }
                default -> throw new IllegalArgumentException("incomplete Java source: " + remaining.strip());
            }
            remaining = info.remaining();
            for (SnippetEvent e : shell.eval(info.source())) {
                check(e, info.source());
                if (e.value() != null && e.snippet().kind() == Snippet.Kind.EXPRESSION) {
                    value = e.value();
                }
            }
        }
        return value;
    }

    private void check(SnippetEvent e, String source) {
        if (e.exception() != null) {
            String cls = e.exception() instanceof EvalException ee ? ee.getExceptionClassName()
                    : e.exception().getClass().getName();
            RuntimeException r = new RuntimeException(cls + ": " + e.exception().getMessage());
            r.setStackTrace(e.exception().getStackTrace());
            throw r;
        }
        Snippet.Status s = e.status();
        if (s == Snippet.Status.REJECTED || s == Snippet.Status.RECOVERABLE_DEFINED
                || s == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            String diags = shell.diagnostics(e.snippet())
                    .map(d -> (d.isError() ? "error: " : "warning: ") + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            throw new IllegalArgumentException("snippet " + s + (diags.isEmpty() ? "" : "\n" + diags)
                    + "\nin:\n" + source.strip());
        }
    }

    private void magic(String line) throws java.io.IOException {
        String[] words = line.strip().split("\\s+");
        if (!words[0].equals("classpath")) {
            throw new IllegalArgumentException("unknown magic %" + words[0] + " (this kernel knows %classpath)");
        }
        List<String> entries = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (words[i].startsWith("@")) {
                Path f = Path.of(words[i].substring(1));
                if (!Files.isRegularFile(f)) {
                    throw new IllegalArgumentException(f.toAbsolutePath().normalize()
                            + " not found: build the project first (./mvnw -q -DskipTests package)");
                }
                for (String e : Files.readString(f, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
                    entries.add(e);
                }
            } else {
                entries.add(words[i]);
            }
        }
        for (String e : entries) {
            Path p = Path.of(e).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(p + " not found: build the project first (./mvnw -q -DskipTests package)");
            }
            shell.addToClasspath(p.toString());
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<String> options = shell.sourceCodeAnalysis().completionSuggestions(code, at, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        return switch (shell.sourceCodeAnalysis().analyzeCompletion(code).completeness()) {
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "incomplete";
            case UNKNOWN -> IS_COMPLETE_BAD;
            default -> IS_COMPLETE_YES;
        };
    }

    @Override
    public void onShutdown(boolean restart) {
        shell.close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StanceKernel <connection-file>");
            System.exit(1);
        }
        var props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        JupyterConnection connection = new JupyterConnection(props);
        StanceKernel kernel = new Builder().build();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }
}

package dev.stance.cli;

import dev.stance.lang.LanguageIdentifier;
import dev.stance.model.ModelLoadException;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.report.HtmlReport;
import dev.stance.score.ArticleSource;
import dev.stance.score.AtomicOutput;
import dev.stance.score.BatchScorer;
import dev.stance.score.CsvResultWriter;
import dev.stance.score.JsonlResultWriter;
import dev.stance.score.ProgressBar;
import dev.stance.score.ResultWriter;
import dev.stance.score.ResumeState;
import dev.stance.summary.SummaryWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stance score}: split articles into sentences and label every sentence. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Split articles into sentences, find statements and speakers, and label each sentence with"
                + " stance and openness.",
                "Inputs: .txt, .md, .html/.htm files (one article each; for saved pages the article is extracted),"
                        + " .jsonl files ({\"id\",\"text\"} per line), .warc/.warc.gz web archives (one article per"
                        + " HTML or text response), folders (recursive), or - for stdin.",
                "Exit codes: 0 all inputs scored, 1 usage error (bad argument or output, unknown model), 2 some"
                        + " inputs failed (see their error records) or none was found."})
public final class ScoreCommand implements Callable<Integer> {
    enum Format { jsonl, csv }

    /** Hex digits of the manifest's SHA-256 written with every output line. */
    private static final int SHORT_SHA = 12;

    @Option(names = "--model",
            description = "Model id in models/, a model folder (a path with a '/'), or 'default' (the default).")
    String model;

    @Option(names = "--format", defaultValue = "jsonl", description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--out", description = "Output file, written atomically (default: stdout).")
    Path out;

    @Option(names = "--resume",
            description = "With --out (jsonl): keep the articles already in that file (same id and text) and score"
                    + " only the rest; the file is rewritten atomically.")
    boolean resume;

    @Option(names = "--statements-only",
            description = "Output only statements (direct or reported speech); narration is not scored.")
    boolean statementsOnly;

    @Option(names = "--keep-boilerplate",
            description = "Keep the whole text of HTML pages (menus, teasers, comments) instead of extracting the"
                    + " article, and output page furniture (ad labels, 'Les også:', credits, share bars) as narration"
                    + " instead of leaving it out. Furniture is never a statement.")
    boolean keepBoilerplate;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write a self-contained HTML page: articles with statements highlighted, speaker tables.")
    Path report;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Also write one JSON summary per article (label counts, speakers, top statements).")
    Path summary;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders or - for stdin.")
    List<String> inputs;

    @Override
    public Integer call() throws Exception {
        if (resume && (out == null || format != Format.jsonl)) {
            throw new IllegalArgumentException("--resume needs --out <file> and --format jsonl");
        }
        checkOutputs();
        // outputs are claimed (checked, locked) before the model loads, so a bad destination costs nothing
        try (AtomicOutput o = out == null ? AtomicOutput.toStream(System.out) : AtomicOutput.toFile(out);
             AtomicOutput summaryOut = summary == null ? null : AtomicOutput.toFile(summary);
             AtomicOutput reportOut = report == null ? null : AtomicOutput.toFile(report)) {
            ResumeState state = resume ? ResumeState.load(out) : ResumeState.empty();
            LanguageIdentifier.preloadInBackground(); // overlaps with loading the model
            ModelStore store = ModelStore.local();
            Path dir = store.resolve(model);
            String sha = ModelStore.manifestSha256(dir);
            try (StanceModel m = ModelStore.load(dir);
                 ResultWriter writer = format == Format.csv ? new CsvResultWriter(o) : new JsonlResultWriter(o, state);
                 SummaryWriter summaryWriter = summaryOut == null ? null
                         : new SummaryWriter(summaryOut, m.id(), shortSha(sha));
                 HtmlReport htmlReport = reportOut == null ? null : new HtmlReport(reportOut)) {
                if (!sha.equals(ModelStore.manifestSha256(dir))) {
                    throw new ModelLoadException("the manifest of " + dir + " changed while the model loaded");
                }
                BatchScorer scorer = new BatchScorer(m, statementsOnly, shortSha(sha), keepBoilerplate).skip(state::isDone);
                if (summaryWriter != null) {
                    scorer.listen(summaryWriter);
                }
                if (htmlReport != null) {
                    scorer.listen(htmlReport);
                }
                ArticleSource source = new ArticleSource(inputs, System.in, keepBoilerplate);
                if (System.console() != null) {
                    scorer.listen(new ProgressBar(System.err, source.countIfKnown()));
                }
                BatchScorer.Summary s = scorer.run(source, writer);
                System.err.printf(Locale.ROOT, "scored %d article(s), %d sentence(s) in %.2f s with %s (manifest"
                                + " sha256 %s); %d failed%s%n",
                        s.articles(), s.sentences(), s.seconds(), m.id(), shortSha(sha), s.failed(),
                        resume ? "; " + s.skipped() + " already in " + out : "");
                if (s.articles() + s.skipped() == 0) {
                    System.err.println("error: no articles found in the inputs");
                    return ExitCodes.PARTIAL;
                }
                return s.failed() == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
            }
        }
    }

    /** The manifest hash as written in outputs: its first {@value #SHORT_SHA} hex digits. */
    /** The prefix of a manifest SHA-256 written with every sentence as {@code model_sha256}. */
    public static String shortSha(String sha) {
        return sha.substring(0, SHORT_SHA);
    }

    /** Refuses outputs that name the same file, or an input: scoring would overwrite what it reads. */
    private void checkOutputs() throws IOException {
        List<Path> outputs = new ArrayList<>();
        for (Path p : new Path[] {out, summary, report}) {
            if (p == null) {
                continue;
            }
            for (Path q : outputs) {
                if (same(p, q)) {
                    throw new IllegalArgumentException(p + " is named for two outputs; give each its own file");
                }
            }
            outputs.add(p);
            for (String in : inputs) {
                if (!in.equals("-") && same(p, Path.of(in))) {
                    throw new IllegalArgumentException("output " + p + " is also an input; writing it would"
                            + " destroy what is being scored");
                }
            }
        }
    }

    private static boolean same(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}

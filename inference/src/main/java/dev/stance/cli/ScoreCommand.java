package dev.stance.cli;

import dev.stance.lang.LanguageIdentifier;
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
import java.nio.file.Path;
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
                "Inputs: .txt, .md, .html/.htm files (one article each), .jsonl files ({\"id\",\"text\"} per line),"
                        + " folders (recursive), or - for stdin.",
                "Exit codes: 0 all inputs scored, 1 usage error, 2 some inputs failed (see their error records)."})
public final class ScoreCommand implements Callable<Integer> {
    enum Format { jsonl, csv }

    @Option(names = "--model", description = "Model id in models/, a model folder, or 'default' (the default).")
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
        ResumeState state = resume ? ResumeState.load(out) : ResumeState.empty();
        LanguageIdentifier.preloadInBackground(); // overlaps with loading the model
        try (StanceModel m = ModelStore.local().load(model);
             ResultWriter writer = writer(state);
             SummaryWriter summaryWriter = summary == null ? null : new SummaryWriter(AtomicOutput.toFile(summary));
             HtmlReport htmlReport = report == null ? null : new HtmlReport(AtomicOutput.toFile(report))) {
            BatchScorer scorer = new BatchScorer(m, statementsOnly).skip(state::isDone);
            if (summaryWriter != null) {
                scorer.listen(summaryWriter);
            }
            if (htmlReport != null) {
                scorer.listen(htmlReport);
            }
            ArticleSource source = new ArticleSource(inputs, System.in);
            if (System.console() != null) {
                scorer.listen(new ProgressBar(System.err, source.countIfKnown()));
            }
            BatchScorer.Summary s = scorer.run(source, writer);
            System.err.printf(Locale.ROOT, "scored %d article(s), %d sentence(s) in %.2f s with %s; %d failed%s%n",
                    s.articles(), s.sentences(), s.seconds(), m.id(), s.failed(),
                    resume ? "; " + s.skipped() + " already in " + out : "");
            return s.failed() == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
        }
    }

    private ResultWriter writer(ResumeState state) throws java.io.IOException {
        AtomicOutput o = out == null ? AtomicOutput.toStream(System.out) : AtomicOutput.toFile(out);
        return format == Format.csv ? new CsvResultWriter(o) : new JsonlResultWriter(o, state);
    }
}

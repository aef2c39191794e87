package dev.stance.cli;

import dev.stance.corpus.CorpusStats;
import dev.stance.corpus.CorpusValidator;
import dev.stance.corpus.Finding;
import dev.stance.corpus.ReadProgress;
import dev.stance.data.StatementReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stance data}: corpus checks and statistics. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Validate corpus files and count them.",
        subcommands = {DataCommand.Validate.class, DataCommand.Stats.class})
public final class DataCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check schema, labels, duplicate ids and texts, leakage across splits and languages.",
                    "Streams the files, printing findings as they are found (with progress on a terminal).",
                    "Exit codes: 0 valid (warnings allowed), 2 errors found, 1 usage error."})
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Option(names = "--no-lang-check", description = "Skip comparing lang with the detected language.")
        boolean noLangCheck;

        @Option(names = "--quiet", description = "Print errors only, not warnings.")
        boolean quiet;

        @Override
        public Integer call() throws IOException {
            long total = 0;
            for (Path f : files) {
                total += Files.isRegularFile(f) ? Files.size(f) : 0;
            }
            ReadProgress progress = System.console() != null ? new ReadProgress(System.err, total) : null;
            long[] counts = new long[2]; // errors, warnings
            new CorpusValidator(!noLangCheck).validate(files, f -> {
                boolean error = f.severity() == Finding.Severity.ERROR;
                counts[error ? 0 : 1]++;
                if (!quiet || error) {
                    if (progress != null) {
                        System.err.print("\r\033[K"); // clear the progress line before the finding
                    }
                    System.out.println(f);
                }
            }, progress != null ? progress : CorpusValidator.Progress.NONE);
            if (progress != null) {
                progress.finish();
            }
            System.out.printf("%d error(s), %d warning(s) in %d file(s)%n", counts[0], counts[1], files.size());
            return counts[0] == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Counts per language × label × split, and text lengths, as Markdown tables.")
    static final class Stats implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        public Integer call() {
            System.out.print(CorpusStats.render(StatementReader.readAll(files)));
            return ExitCodes.OK;
        }
    }
}

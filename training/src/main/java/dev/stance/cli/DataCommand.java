package dev.stance.cli;

import dev.stance.corpus.CorpusStats;
import dev.stance.corpus.CorpusValidator;
import dev.stance.corpus.Finding;
import dev.stance.data.StatementReader;
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
                    "Exit codes: 0 valid (warnings allowed), 2 errors found, 1 usage error."})
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Option(names = "--no-lang-check", description = "Skip comparing lang with the detected language.")
        boolean noLangCheck;

        @Option(names = "--quiet", description = "Print errors only, not warnings.")
        boolean quiet;

        @Override
        public Integer call() {
            List<Finding> findings = new CorpusValidator(!noLangCheck).validate(files);
            long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
            for (Finding f : findings) {
                if (!quiet || f.severity() == Finding.Severity.ERROR) {
                    System.out.println(f);
                }
            }
            System.out.printf("%d error(s), %d warning(s) in %d file(s)%n", errors, findings.size() - errors,
                    files.size());
            return errors == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
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

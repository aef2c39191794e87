package dev.stance.cli;

import dev.stance.corpus.CorpusMerge;
import dev.stance.corpus.CorpusStats;
import dev.stance.corpus.CorpusValidator;
import dev.stance.corpus.Finding;
import dev.stance.corpus.ReadProgress;
import dev.stance.data.StatementReader;
import java.io.IOException;
import java.nio.file.Files;
import dev.stance.label.LabelStudio;
import dev.stance.label.QueueFile;
import dev.stance.score.AtomicOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stance data}: corpus checks and statistics. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Validate corpus files, count them, merge labelled statements, exchange queues with Label Studio.",
        subcommands = {DataCommand.Validate.class, DataCommand.Stats.class, DataCommand.Merge.class,
                DataCommand.ExportLabelStudio.class, DataCommand.ImportLabelStudio.class})
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

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = {"Validate labelled statements, leave out what the target already has, assign splits by"
                    + " family, and append the rest to the target (written atomically).",
                    "Exit codes: 0 merged, 1 invalid input (nothing written; errors name file:line)."})
    static final class Merge implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LABELLED", description = "Answers of 'stance label', or statement records.")
        Path labelled;

        @Option(names = "--into", required = true, description = "The corpus file to merge into (created if missing).")
        Path into;

        @Option(names = "--dev", defaultValue = "0.1", description = "Share of new families put in dev (default ${DEFAULT-VALUE}).")
        double dev;

        @Option(names = "--test", defaultValue = "0.1", description = "Share of new families put in test (default ${DEFAULT-VALUE}).")
        double test;

        @Override
        public Integer call() throws Exception {
            CorpusMerge.Report r = new CorpusMerge(dev, test).merge(labelled, into);
            if (!r.errors().isEmpty()) {
                r.errors().forEach(e -> System.err.println("error: " + e));
                System.err.printf("%d error(s); %s left unchanged%n", r.errors().size(), into);
                return ExitCodes.USAGE;
            }
            r.notes().forEach(System.out::println);
            System.out.printf("read %d answer(s); merged %d by split %s; left out %s%n", r.read(), r.mergedTotal(),
                    CorpusMerge.counts(r.merged()), CorpusMerge.counts(r.left()));
            System.out.println("wrote " + into);
            return ExitCodes.OK;
        }
    }

    @Command(name = "export-labelstudio", mixinStandardHelpOptions = true,
            description = "Write a queue as Label Studio JSON tasks, with the model's suggestion as a prediction,"
                    + " and the matching labelling interface beside it (<out>.xml).")
    static final class ExportLabelStudio implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "QUEUE")
        Path queue;

        @Option(names = "--out", required = true, description = "Tasks file to write (JSON).")
        Path out;

        @Override
        public Integer call() throws Exception {
            var items = QueueFile.read(queue);
            LabelStudio.export(items, out);
            Path xml = out.resolveSibling(out.getFileName() + ".xml");
            java.nio.file.Files.writeString(xml, LabelStudio.LABEL_CONFIG);
            System.out.printf("wrote %d task(s) to %s and the labelling interface to %s%n", items.size(), out, xml);
            return ExitCodes.OK;
        }
    }

    @Command(name = "import-labelstudio", mixinStandardHelpOptions = true,
            description = "Read a Label Studio JSON export into answer records that 'data merge' takes.")
    static final class ImportLabelStudio implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "EXPORT")
        Path export;

        @Option(names = "--out", required = true, description = "Answers file to write (JSONL).")
        Path out;

        @Override
        public Integer call() throws Exception {
            var records = LabelStudio.importExport(export);
            try (AtomicOutput o = AtomicOutput.toFile(out)) {
                for (var r : records) {
                    o.writer().write(r.toString());
                    o.writer().write('\n');
                }
                o.commit();
            }
            long labelled = records.stream().filter(r -> "labelled".equals(r.path("status").asText())).count();
            System.out.printf("wrote %d record(s), %d labelled, to %s%n", records.size(), labelled, out);
            return ExitCodes.OK;
        }
    }
}

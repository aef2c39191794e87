package dev.stance.cli;

import dev.stance.data.DataFormatException;
import dev.stance.model.ModelLoadException;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stance} command: train, score, evaluate, list models, and check the corpus. */
@Command(name = "stance", mixinStandardHelpOptions = true, version = "stance 0.1.0",
        description = "Multilingual stance and openness-to-negotiation classifier for diplomatic statements.",
        subcommands = {TrainCommand.class, CvCommand.class, ScoreCommand.class, EvaluateCommand.class, BenchmarkCommand.class, ModelsCommand.class,
                DataCommand.class, SuggestCommand.class, LabelCommand.class, dev.stance.spark.SparkScoreCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.INTERNAL,
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:usage error (bad argument, unknown model, invalid data)",
                "2:finished, but some inputs failed or a check failed", "3:internal error"})
public final class StanceCli implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        // Tribuo and Lingua log progress through java.util.logging; the CLI reports what matters itself.
        Logger.getLogger("").setLevel(Level.WARNING);
        // javacpp warns that ND4J's OpenBLAS preset predates the javacpp runtime DJL needs; route it to slf4j,
        // where simplelogger.properties keeps that known, harmless notice quiet.
        System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new StanceCli());
        applyExitCodes(cl);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ModelLoadException || ex instanceof DataFormatException
                    || ex instanceof IllegalArgumentException || ex instanceof java.nio.file.NoSuchFileException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            cmd.getErr().println("internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL;
        });
        return cl;
    }

    /** Subcommands do not inherit the root's exit codes for invalid input; set them on every level. */
    private static void applyExitCodes(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cl.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL);
        cl.getSubcommands().values().forEach(StanceCli::applyExitCodes);
    }
}

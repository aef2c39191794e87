package dev.stance.cli;

/** Exit codes of every {@code stance} subcommand. */
public final class ExitCodes {
    /** Everything succeeded. */
    public static final int OK = 0;
    /** Bad arguments, unknown model, invalid data file: nothing was done. */
    public static final int USAGE = 1;
    /** The run finished, but some inputs failed and got error records (score), or a gate failed. */
    public static final int PARTIAL = 2;
    /** An unexpected internal failure. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}

package dev.perfgate.cli;

/** The exit codes of every perf-gate command. */
final class ExitCodes {

    /** No regression (or nothing to compare). */
    static final int OK = 0;
    /** At least one regression. */
    static final int REGRESSION = 1;
    /** Bad usage or bad input. */
    static final int BAD_INPUT = 2;
    /** The benchmark run itself failed, or check was given the partial results of a stopped run. */
    static final int RUN_FAILED = 3;

    /** For the help text of every command. */
    static final String[] LIST = {
        "0:no regression",
        "1:at least one regression",
        "2:bad usage or bad input (the message names the file and the place)",
        "3:the benchmark run itself failed (check: or its results are partial)"
    };

    private ExitCodes() {
    }
}

package dev.perfgate.cli;

import picocli.CommandLine.Option;

/** The commit and branch a recorded run belongs to; detected by {@link Vcs} when not given. */
final class VcsOptions {

    @Option(names = "--commit", paramLabel = "SHA", description = "Commit of the measured code (default: detected).")
    String commit;

    @Option(names = "--branch", paramLabel = "NAME", description = "Branch of the measured code (default: detected).")
    String branch;
}

package dev.perfgate.cli;

/** A command was used wrongly in a way picocli cannot see (e.g. a bad regex): exit code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}

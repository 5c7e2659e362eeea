package dev.perfgate.cli;

/** The benchmark run failed (JMH exited with an error, or could not start): exit code 3. */
final class RunFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    RunFailedException(String message) {
        super(message);
    }
}

package dev.perfgate.core;

import java.util.Objects;

/**
 * Bad input: a file perfgate was asked to read is missing, unreadable or not in the expected
 * format. The message is one line a user can act on and always names the source (a file path,
 * or a label such as {@code <stdin>}) and, where known, the place in it: a line number for
 * JSON-lines files, a JSON path such as {@code $[2].primaryMetric.score} for JSON files.
 *
 * <p>The command line maps this exception to exit code 2; nothing already stored is changed by
 * an operation that fails with it.
 */
public class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;

    /**
     * @param source   the file or label the input came from, never null
     * @param location where in the source, e.g. {@code "line 12"} or {@code "$.baselines[0].score"};
     *                 null or empty when the problem concerns the whole source
     * @param problem  what is wrong, as a sentence fragment a user can act on
     */
    public InputException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    /** As {@link #InputException(String, String, String)}, keeping the low-level cause for debugging. */
    public InputException(String source, String location, String problem, Throwable cause) {
        super(format(source, location, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.location = location == null ? "" : location;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(String source, String location, String problem) {
        String where = location == null || location.isEmpty() ? "" : location + ": ";
        return (source + ": " + where + problem).replaceAll("[\\r\\n\\t]+", " ");
    }

    /** The file or label the input came from. */
    public String source() {
        return source;
    }

    /** Where in the source the problem is; empty when it concerns the whole source. */
    public String location() {
        return location;
    }

    /** What is wrong, without source and location. */
    public String problem() {
        return problem;
    }
}

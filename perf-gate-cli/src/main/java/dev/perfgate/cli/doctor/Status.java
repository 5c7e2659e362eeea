package dev.perfgate.cli.doctor;

import java.util.Locale;

/**
 * A check's verdict. {@link #FAIL} makes {@code perf-gate doctor} exit with 1; the others do not.
 */
public enum Status {
    /** Nothing found that would distort benchmark results. */
    OK,
    /** Something that can distort results; the line says what to do. */
    WARN,
    /** Results measured now would not mean what they seem to. */
    FAIL,
    /** Could not be checked here (e.g. no {@code /proc} on this OS); the line says why. */
    SKIP;

    /** The lower-case name the JSON report uses, e.g. {@code warn}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two statuses: FAIL over WARN over OK over SKIP. */
    public Status worse(Status other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case SKIP -> 0;
            case OK -> 1;
            case WARN -> 2;
            case FAIL -> 3;
        };
    }
}

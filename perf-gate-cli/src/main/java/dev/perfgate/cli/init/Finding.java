package dev.perfgate.cli.init;

import java.util.Objects;

/**
 * One thing {@link BuildDetector} looked for: its value and where it came from, or, when nothing
 * was found, what was looked for.
 *
 * @param value the value found; null when none was
 * @param note  where the value came from (e.g. {@code "maven-shade-plugin finalName in pom.xml"}),
 *              or, without a value, what was looked for and why it did not do
 */
public record Finding(String value, String note) {

    public Finding {
        Objects.requireNonNull(note, "note");
    }

    /** A value and where it came from. */
    public static Finding of(String value, String note) {
        return new Finding(Objects.requireNonNull(value, "value"), note);
    }

    /** Nothing found, and what was looked for. */
    public static Finding none(String lookedFor) {
        return new Finding(null, lookedFor);
    }

    /** Whether a value was found. */
    public boolean found() {
        return value != null;
    }
}

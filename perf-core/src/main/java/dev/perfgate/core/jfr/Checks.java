package dev.perfgate.core.jfr;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the records of this package; messages name the parameter and its bound. */
final class Checks {

    private Checks() {
    }

    static double fraction(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
        return value;
    }

    /** A fraction in [0, 1], or NaN for "not recorded". */
    static double fractionOrNaN(double value, String name) {
        return Double.isNaN(value) ? value : fraction(value, name);
    }

    static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be at least 0, was " + value);
        }
        return value;
    }

    static Duration nonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }
}

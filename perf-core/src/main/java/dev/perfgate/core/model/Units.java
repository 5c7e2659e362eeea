package dev.perfgate.core.model;

import java.util.Map;
import java.util.Optional;

/**
 * Conversions between JMH's time units, so that a baseline in {@code us/op} can be compared with
 * a run in {@code ns/op}, or {@code ops/s} with {@code ops/ms}.
 */
public final class Units {

    private static final Map<String, Double> SECONDS = Map.of(
            "ns", 1e-9, "us", 1e-6, "\u00b5s", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0, "hr", 3600.0, "day", 86400.0);

    private Units() {
    }

    /**
     * The factor {@code f} such that a value in {@code from} times {@code f} is the same quantity
     * in {@code to}; empty when the units cannot be converted into each other.
     * E.g. {@code factor("us/op", "ns/op") = 1000}, {@code factor("ops/s", "ops/ms") = 0.001}.
     */
    public static Optional<Double> factor(String from, String to) {
        if (from.equals(to)) {
            return Optional.of(1.0);
        }
        String[] a = from.split("/", -1);
        String[] b = to.split("/", -1);
        if (a.length != 2 || b.length != 2) {
            return Optional.empty();
        }
        if (a[1].equals("op") && b[1].equals("op") && SECONDS.containsKey(a[0]) && SECONDS.containsKey(b[0])) {
            return Optional.of(SECONDS.get(a[0]) / SECONDS.get(b[0]));
        }
        if (a[0].equals("ops") && b[0].equals("ops") && SECONDS.containsKey(a[1]) && SECONDS.containsKey(b[1])) {
            return Optional.of(SECONDS.get(b[1]) / SECONDS.get(a[1]));
        }
        return Optional.empty();
    }

    /** The measurement expressed in another unit; empty when the units are not convertible. */
    public static Optional<Measurement> convert(Measurement m, String unit) {
        return factor(m.unit(), unit).map(f -> new Measurement(unit, m.score() * f, m.scoreError() * f,
                m.forks().stream().map(fork -> fork.stream().map(v -> v * f).toList()).toList(), m.summary()));
    }
}

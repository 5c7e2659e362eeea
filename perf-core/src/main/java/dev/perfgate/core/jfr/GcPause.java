package dev.perfgate.core.jfr;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One garbage collection and the stop-the-world time it cost.
 *
 * @param start    when the collection started
 * @param duration its stop-the-world time: JFR's {@code sumOfPauses}, which for a concurrent
 *                 collector is much shorter than the collection; the whole collection when the
 *                 recording does not say
 * @param name     the collector, e.g. {@code "G1New"}, {@code "G1Full"}, {@code "ZGC"}; empty when
 *                 not recorded
 * @param cause    why it ran, e.g. {@code "G1 Evacuation Pause"}, {@code "System.gc()"}; empty
 *                 when not recorded
 */
public record GcPause(Instant start, Duration duration, String name, String cause) {

    public GcPause {
        Objects.requireNonNull(start, "start");
        Checks.nonNegative(duration, "duration");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cause, "cause");
    }
}

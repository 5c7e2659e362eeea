package dev.perfgate.core.jfr;

import java.time.Duration;
import java.util.List;

/**
 * Garbage collection during a recording, from its {@code jdk.GarbageCollection} events.
 *
 * @param collections  number of collections, at least 0
 * @param totalPause   stop-the-world time summed over all collections
 * @param longestPause the longest single stop-the-world pause of any collection
 * @param pauses       one entry per collection, in start order
 */
public record GcSummary(int collections, Duration totalPause, Duration longestPause, List<GcPause> pauses) {

    /** No collection at all. */
    public static final GcSummary NONE = new GcSummary(0, Duration.ZERO, Duration.ZERO, List.of());

    public GcSummary {
        Checks.nonNegative(collections, "collections");
        Checks.nonNegative(totalPause, "totalPause");
        Checks.nonNegative(longestPause, "longestPause");
        pauses = List.copyOf(pauses);
    }
}

package dev.perfgate.core.jfr;

import java.util.List;

/**
 * Heap allocation during a recording.
 *
 * <p>Taken from {@code jdk.ObjectAllocationSample} (JDK 16+), whose weights estimate all bytes
 * allocated, or, for recordings without such samples, from {@code jdk.ObjectAllocationInNewTLAB}
 * (the size of each new thread-local allocation buffer) and {@code jdk.ObjectAllocationOutsideTLAB}
 * (the size of each object allocated outside one). Either way the numbers are estimates of
 * where the bytes went, good for ranking classes and comparing runs, not exact counts.
 *
 * @param totalBytes     bytes allocated, at least 0
 * @param bytesPerSecond {@code totalBytes} over the recording's duration, at least 0; 0 for a
 *                       recording without duration
 * @param topClasses     the classes that allocated the most bytes, most first; array classes in
 *                       Java source form such as {@code byte[]}
 */
public record AllocationSummary(long totalBytes, double bytesPerSecond, List<AllocatingClass> topClasses) {

    /** No allocation recorded. */
    public static final AllocationSummary NONE = new AllocationSummary(0, 0, List.of());

    public AllocationSummary {
        Checks.nonNegative(totalBytes, "totalBytes");
        if (!(bytesPerSecond >= 0 && Double.isFinite(bytesPerSecond))) {
            throw new IllegalArgumentException("bytesPerSecond must be finite and at least 0, was " + bytesPerSecond);
        }
        topClasses = List.copyOf(topClasses);
    }
}

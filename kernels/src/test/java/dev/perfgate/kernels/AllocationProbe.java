package dev.perfgate.kernels;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap bytes the current thread allocates while running an action, through the
 * same per-thread counter JMH's GC profiler reads for {@code gc.alloc.rate.norm}.
 */
final class AllocationProbe {

    private final com.sun.management.ThreadMXBean threads;

    AllocationProbe() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    boolean isSupported() {
        return threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
    }

    /**
     * Runs {@code action} in {@code rounds} rounds of {@code callsPerRound} calls and returns
     * the fewest bytes any round allocated.
     *
     * <p>The minimum, not the total, because the JVM allocates on the calling thread once in
     * a while for reasons unrelated to the action: a method's first execution resolves its
     * string constants (such as exception messages) into heap objects, and when C2 compiles a
     * method it resolves every string constant of that class. Those one-off costs land in a
     * few rounds only, while an action that allocates on every call allocates in every round.
     */
    long fewestBytesPerRound(Runnable action, int callsPerRound, int rounds) {
        // The counter's own first use loads native code and must not count as the action's.
        threads.getCurrentThreadAllocatedBytes();
        long fewest = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < callsPerRound; i++) {
                action.run();
            }
            fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return fewest;
    }
}

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
     * Runs {@code action} {@code times} times and returns the bytes allocated meanwhile. The
     * first reading is taken twice so that any one-off allocation inside the counter itself
     * is not charged to the action.
     */
    long bytesAllocated(Runnable action, int times) {
        threads.getCurrentThreadAllocatedBytes();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < times; i++) {
            action.run();
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}

package dev.perfgate.core.jfr;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Known work for real recordings: methods whose names the tests look for in the profiles.
 *
 * <p>The CPU burners use plain integer arithmetic on purpose: JFR's sampler on JDK 17 cannot walk
 * a stack whose top is an intrinsic stub (e.g. {@code Math.sin}), so such samples are silently
 * dropped. Every burner returns its result so the JIT cannot remove the work.
 */
final class Workloads {

    static final String BURN_CPU = Workloads.class.getName() + ".burnCpu";
    static final String BURN_IN_A = Workloads.class.getName() + ".burnInA";
    static final String BURN_IN_B = Workloads.class.getName() + ".burnInB";
    static final String NESTED = Workloads.class.getName() + ".nested";
    static final String RUN_FOR = Workloads.class.getName() + ".runFor";

    private Workloads() {
    }

    /** Repeats {@code step} (fed its previous result) until {@code time} has passed; returns the last result. */
    static long runFor(Duration time, LongUnaryOperator step) {
        long end = System.nanoTime() + time.toNanos();
        long acc = 1;
        while (System.nanoTime() < end) {
            acc = step.applyAsLong(acc);
        }
        return acc;
    }

    /** Calls itself {@code depth} times, then burns: one method several times on every sampled stack. */
    static long nested(int depth, long seed) {
        return depth == 0 ? burnCpu(seed, 200_000) : nested(depth - 1, seed) + depth;
    }

    static long burnCpu(long seed, int iterations) {
        long h = seed;
        for (int i = 1; i < iterations; i++) {
            h = h * 31 + (i ^ (h >>> 7));
        }
        return h;
    }

    // burnInA and burnInB repeat the loop instead of sharing a helper: the sampled method must be their own.

    static long burnInA(long seed) {
        long h = seed;
        for (int i = 1; i < 200_000; i++) {
            h = h * 31 + (i ^ (h >>> 7));
        }
        return h;
    }

    static long burnInB(long seed) {
        long h = seed;
        for (int i = 1; i < 200_000; i++) {
            h = h * 29 + (i ^ (h >>> 5));
        }
        return h;
    }

    /** Allocates {@code count} byte arrays of {@code size} bytes; returns something derived from them. */
    static long allocateBytes(int count, int size) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[size];
            bytes[i % size] = (byte) i;
            sum += bytes[(i * 7) % size] + bytes.length;
        }
        return sum;
    }
}

package dev.perfgate.analyzer.jfr;

import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Real JFR recordings made at test time: CPU burnt in methods of known names while JFR samples
 * execution every 10 ms. The burners use plain integer arithmetic, which JFR on JDK 17 can sample
 * (it drops samples whose top frame is an intrinsic stub).
 */
public final class Burners {

    /** The method {@link #burnAlpha} as hot-method tables name it. */
    public static final String ALPHA = Burners.class.getName() + ".burnAlpha";
    /** The method {@link #burnBeta} as hot-method tables name it. */
    public static final String BETA = Burners.class.getName() + ".burnBeta";

    private Burners() {
    }

    /** Records {@code time} of {@code step} repeated, with execution samples, GCs, allocation and CPU load. */
    public static Path record(Path file, Duration time, LongUnaryOperator step) throws IOException {
        long result;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.GarbageCollection");
            recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s");
            recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
            recording.start();
            long end = System.nanoTime() + time.toNanos();
            long acc = 1;
            while (System.nanoTime() < end) {
                acc = step.applyAsLong(acc);
            }
            result = acc;
            recording.stop();
            recording.dump(file);
        }
        if (result == Long.MIN_VALUE) {
            System.out.println("unlikely result " + result);
        }
        return file;
    }

    public static long burnAlpha(long seed) {
        long h = seed;
        for (int i = 1; i < 200_000; i++) {
            h = h * 31 + (i ^ (h >>> 7));
        }
        return h + new byte[64].length;
    }

    public static long burnBeta(long seed) {
        long h = seed;
        for (int i = 1; i < 200_000; i++) {
            h = h * 29 + (i ^ (h >>> 5));
        }
        return h;
    }
}

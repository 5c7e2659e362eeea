package dev.perfgate.core.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import jdk.jfr.Recording;

/** Makes real JFR recordings at test time: enable events, run a workload, stop, dump. */
final class Recordings {

    private Recordings() {
    }

    /** Records {@code workload} with the events {@code enable} switches on and dumps it to {@code file}. */
    static Path record(Path file, Consumer<Recording> enable, LongSupplier workload) throws IOException {
        long result;
        try (Recording recording = new Recording()) {
            enable.accept(recording);
            recording.start();
            result = workload.getAsLong();
            recording.stop();
            recording.dump(file);
        }
        if (result == Long.MIN_VALUE) {
            // Consumes the result so that the workload cannot be optimised away; practically never true.
            System.out.println("unlikely workload result " + result);
        }
        return file;
    }

    /** Execution samples every 10 ms, GCs, allocation samples and CPU load every 100 ms. */
    static void profiling(Recording recording) {
        executionSamples(recording);
        recording.enable("jdk.GarbageCollection");
        recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s");
        recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
    }

    static void executionSamples(Recording recording) {
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    }

    /** TLAB allocation events only, as JDK 11-15 recordings have them: no allocation samples. */
    static void tlabAllocations(Recording recording) {
        recording.enable("jdk.ObjectAllocationInNewTLAB");
        recording.enable("jdk.ObjectAllocationOutsideTLAB");
    }
}

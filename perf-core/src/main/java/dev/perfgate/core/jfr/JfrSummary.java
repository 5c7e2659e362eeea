package dev.perfgate.core.jfr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one JDK Flight Recorder recording says about a run: garbage collection, allocation, CPU
 * load and hot methods. Made by {@link JfrReader}.
 *
 * @param source           the file the recording was read from, as given to the reader
 * @param duration         from the start of the recording's first event to the end of its last;
 *                         zero for a recording without events
 * @param gc               collections and their stop-the-world pauses
 * @param allocation       allocated bytes, in total and by class
 * @param cpuLoad          {@code jdk.CPULoad} samples, oldest first; empty when not recorded
 * @param hotMethods       the methods with the most self samples, most first; at most the reader's
 *                         {@code top} entries
 * @param executionSamples number of {@code jdk.ExecutionSample} events, the denominator of every
 *                         {@link HotMethod} share; 0 when the recording did not sample execution
 */
public record JfrSummary(String source, Duration duration, GcSummary gc, AllocationSummary allocation,
                         List<CpuLoadSample> cpuLoad, List<HotMethod> hotMethods, long executionSamples) {

    public JfrSummary {
        Objects.requireNonNull(source, "source");
        Checks.nonNegative(duration, "duration");
        Objects.requireNonNull(gc, "gc");
        Objects.requireNonNull(allocation, "allocation");
        cpuLoad = List.copyOf(cpuLoad);
        hotMethods = List.copyOf(hotMethods);
        Checks.nonNegative(executionSamples, "executionSamples");
    }

    /** The hot method of that name ({@code package.Class.method}), if it is among {@link #hotMethods()}. */
    public Optional<HotMethod> hotMethod(String method) {
        return hotMethods.stream().filter(m -> m.method().equals(method)).findFirst();
    }
}

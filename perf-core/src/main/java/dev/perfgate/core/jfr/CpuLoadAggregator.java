package dev.perfgate.core.jfr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;

/** Collects {@code jdk.CPULoad} events, oldest first. */
final class CpuLoadAggregator {

    private final List<CpuLoadSample> samples = new ArrayList<>();

    void add(RecordedEvent event) {
        samples.add(new CpuLoadSample(event.getStartTime(),
                fraction(event, "jvmUser"), fraction(event, "jvmSystem"), fraction(event, "machineTotal")));
    }

    /** The field clamped to [0, 1] (the JVM's own estimates can overshoot slightly), NaN when missing. */
    private static double fraction(RecordedEvent event, String field) {
        double value = EventFields.number(event, field, Double.NaN);
        return Double.isNaN(value) ? value : Math.max(0.0, Math.min(1.0, value));
    }

    List<CpuLoadSample> samples() {
        List<CpuLoadSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(CpuLoadSample::time));
        return sorted;
    }
}

package dev.perfgate.core.jfr;

import java.time.Duration;
import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;

/** Routes each event of one recording to its aggregator and makes the {@link JfrSummary} at the end. */
final class SummaryBuilder {

    private final int top;
    private final GcAggregator gc = new GcAggregator();
    private final AllocationAggregator allocation = new AllocationAggregator();
    private final CpuLoadAggregator cpuLoad = new CpuLoadAggregator();
    private final MethodProfile methods = new MethodProfile();
    private Instant first;
    private Instant last;

    SummaryBuilder(int top) {
        this.top = top;
    }

    void accept(RecordedEvent event) {
        span(event);
        switch (event.getEventType().getName()) {
            case "jdk.GarbageCollection" -> gc.add(event);
            case "jdk.ObjectAllocationSample" -> allocation.addSample(event);
            case "jdk.ObjectAllocationInNewTLAB" -> allocation.addInNewTlab(event);
            case "jdk.ObjectAllocationOutsideTLAB" -> allocation.addOutsideTlab(event);
            case "jdk.CPULoad" -> cpuLoad.add(event);
            case "jdk.ExecutionSample" -> methods.add(event);
            default -> {
                // Other events only count towards the recording's span.
            }
        }
    }

    private void span(RecordedEvent event) {
        Instant start = event.getStartTime();
        Instant end = event.getEndTime();
        if (end.isBefore(start)) {
            end = start;
        }
        if (first == null || start.isBefore(first)) {
            first = start;
        }
        if (last == null || end.isAfter(last)) {
            last = end;
        }
    }

    JfrSummary summary(String source) {
        Duration duration = first == null ? Duration.ZERO : Duration.between(first, last);
        return new JfrSummary(source, duration, gc.summary(), allocation.summary(duration, top),
                cpuLoad.samples(), methods.hottest(top), methods.samples());
    }
}

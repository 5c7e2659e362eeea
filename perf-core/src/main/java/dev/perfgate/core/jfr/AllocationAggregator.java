package dev.perfgate.core.jfr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Collects allocation events into an {@link AllocationSummary}: {@code jdk.ObjectAllocationSample}
 * weights when the recording has any such sample, TLAB events otherwise. Both are counted while
 * streaming because which one applies is known only at the end.
 */
final class AllocationAggregator {

    static final String UNKNOWN_CLASS = "<unknown>";

    private final Map<String, Long> sampled = new HashMap<>();
    private final Map<String, Long> tlab = new HashMap<>();
    private long samples;

    void addSample(RecordedEvent event) {
        samples++;
        add(sampled, event, "weight");
    }

    void addInNewTlab(RecordedEvent event) {
        add(tlab, event, "tlabSize");
    }

    void addOutsideTlab(RecordedEvent event) {
        add(tlab, event, "allocationSize");
    }

    private static void add(Map<String, Long> bytesByClass, RecordedEvent event, String sizeField) {
        long bytes = EventFields.integer(event, sizeField, 0);
        if (bytes > 0) {
            bytesByClass.merge(EventFields.className(event, "objectClass", UNKNOWN_CLASS), bytes, AllocationAggregator::plus);
        }
    }

    /** Saturating: a forged event with a huge size must not wrap the total negative. */
    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    AllocationSummary summary(Duration duration, int top) {
        Map<String, Long> bytesByClass = samples > 0 ? sampled : tlab;
        long total = 0;
        for (long bytes : bytesByClass.values()) {
            total = plus(total, bytes);
        }
        if (total == 0) {
            return AllocationSummary.NONE;
        }
        double seconds = duration.toNanos() / 1e9;
        double perSecond = seconds > 0 ? total / seconds : 0;
        List<AllocatingClass> classes = new ArrayList<>();
        for (Map.Entry<String, Long> e : TopN.largest(bytesByClass, top)) {
            classes.add(new AllocatingClass(e.getKey(), e.getValue(), Math.min(1.0, e.getValue() / (double) total)));
        }
        return new AllocationSummary(total, perSecond, classes);
    }
}

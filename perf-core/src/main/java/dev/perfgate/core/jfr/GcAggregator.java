package dev.perfgate.core.jfr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;

/** Collects {@code jdk.GarbageCollection} events into a {@link GcSummary}. */
final class GcAggregator {

    private final List<GcPause> pauses = new ArrayList<>();
    private Duration totalPause = Duration.ZERO;
    private Duration longestPause = Duration.ZERO;

    void add(RecordedEvent event) {
        Duration pause = EventFields.duration(event, "sumOfPauses");
        if (pause == null) {
            pause = EventFields.duration(event, "duration");
        }
        if (pause == null) {
            pause = Duration.ZERO;
        }
        Duration longest = EventFields.duration(event, "longestPause");
        if (longest == null || longest.compareTo(pause) > 0) {
            // A collection's longest pause cannot exceed the sum of its pauses.
            longest = pause;
        }
        pauses.add(new GcPause(event.getStartTime(), pause,
                EventFields.string(event, "name", ""), EventFields.string(event, "cause", "")));
        totalPause = totalPause.plus(pause);
        if (longest.compareTo(longestPause) > 0) {
            longestPause = longest;
        }
    }

    GcSummary summary() {
        List<GcPause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(GcPause::start));
        return new GcSummary(sorted.size(), totalPause, longestPause, sorted);
    }
}

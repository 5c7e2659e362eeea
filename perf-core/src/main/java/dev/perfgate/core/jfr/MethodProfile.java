package dev.perfgate.core.jfr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/** Counts self and total samples per method from {@code jdk.ExecutionSample} stack traces. */
final class MethodProfile {

    /** Bounds the name cache; a recording rarely has more distinct methods than this per chunk. */
    private static final int NAME_CACHE_LIMIT = 100_000;

    /** Per method: [0] self samples, [1] total samples. */
    private final Map<String, long[]> counts = new HashMap<>();
    private final Set<String> onThisStack = new HashSet<>();
    /** The parser hands out one RecordedMethod object per method and chunk; naming it once saves garbage. */
    private final Map<RecordedMethod, String> names = new IdentityHashMap<>();
    private long samples;

    void add(RecordedEvent event) {
        samples++;
        RecordedStackTrace stack = EventFields.stackTrace(event);
        List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
        onThisStack.clear();
        for (int i = 0; i < frames.size(); i++) {
            String method = name(frames.get(i));
            if (method == null) {
                continue;
            }
            long[] c = counts.computeIfAbsent(method, k -> new long[2]);
            if (i == 0) {
                c[0]++;
            }
            if (onThisStack.add(method)) {
                c[1]++;
            }
        }
    }

    private String name(RecordedFrame frame) {
        RecordedMethod method;
        try {
            method = frame.getMethod();
        } catch (IllegalArgumentException | ClassCastException e) {
            return null;
        }
        if (method == null) {
            return null;
        }
        String name = names.get(method);
        if (name == null) {
            name = EventFields.methodName(frame);
            if (names.size() >= NAME_CACHE_LIMIT) {
                names.clear();
            }
            names.put(method, name);
        }
        return name;
    }

    /** Number of execution samples seen, with or without a stack trace. */
    long samples() {
        return samples;
    }

    /** The {@code top} methods with the most self samples, then the most total samples. */
    List<HotMethod> hottest(int top) {
        Comparator<Map.Entry<String, long[]>> bySelfThenTotal = Comparator
                .<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0])
                .thenComparingLong(e -> e.getValue()[1]);
        List<HotMethod> result = new ArrayList<>();
        for (Map.Entry<String, long[]> e : TopN.largest(counts, top, bySelfThenTotal)) {
            long self = e.getValue()[0];
            long total = e.getValue()[1];
            result.add(new HotMethod(e.getKey(), self, total, share(self), share(total)));
        }
        return result;
    }

    private double share(long count) {
        return samples == 0 ? 0 : Math.min(1.0, count / (double) samples);
    }
}

package dev.perfgate.core.jfr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Compares the hot methods of two recordings: where did the CPU time move? Shares, not sample
 * counts, are compared, so recordings of different lengths compare fairly.
 *
 * <p>Only each summary's {@link JfrSummary#hotMethods()} are known, so a method outside the
 * base's top list counts as 0 there (and shows as "new"); read both recordings with the same
 * {@link JfrReader#JfrReader(int) top}, generous enough for the question.
 *
 * <pre>{@code
 * List<MethodDelta> suspects = JfrDiff.hotter(baseSummary, currentSummary, 5);
 * }</pre>
 */
public final class JfrDiff {

    private static final Comparator<MethodDelta> BY_GROWTH = Comparator
            .comparingDouble(MethodDelta::delta).reversed()
            .thenComparing(MethodDelta::method);
    private static final Comparator<MethodDelta> BY_DROP = Comparator
            .comparingDouble(MethodDelta::delta)
            .thenComparing(MethodDelta::method);

    private JfrDiff() {
    }

    /**
     * Methods whose self share grew the most from base to current, largest growth first; includes
     * methods new in current. Methods whose share stayed the same or shrank are left out.
     *
     * @param top at most this many methods, at least 1
     */
    public static List<MethodDelta> hotter(JfrSummary base, JfrSummary current, int top) {
        return ranked(base, current, top, BY_GROWTH, d -> d.delta() > 0);
    }

    /**
     * Methods whose self share shrank the most from base to current, largest drop first; includes
     * methods gone from current. The mirror image of {@link #hotter}.
     *
     * @param top at most this many methods, at least 1
     */
    public static List<MethodDelta> cooler(JfrSummary base, JfrSummary current, int top) {
        return ranked(base, current, top, BY_DROP, d -> d.delta() < 0);
    }

    /** Every method hot in either recording, largest growth first, shrinking ones last. */
    public static List<MethodDelta> all(JfrSummary base, JfrSummary current) {
        List<MethodDelta> deltas = deltas(base, current);
        deltas.sort(BY_GROWTH);
        return List.copyOf(deltas);
    }

    private static List<MethodDelta> ranked(JfrSummary base, JfrSummary current, int top,
                                            Comparator<MethodDelta> order,
                                            Predicate<MethodDelta> keep) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, was " + top);
        }
        return deltas(base, current).stream().filter(keep).sorted(order).limit(top).toList();
    }

    private static List<MethodDelta> deltas(JfrSummary base, JfrSummary current) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(current, "current");
        Map<String, double[]> shares = new HashMap<>();
        for (HotMethod m : base.hotMethods()) {
            shares.computeIfAbsent(m.method(), k -> new double[2])[0] = m.selfShare();
        }
        for (HotMethod m : current.hotMethods()) {
            shares.computeIfAbsent(m.method(), k -> new double[2])[1] = m.selfShare();
        }
        List<MethodDelta> deltas = new ArrayList<>();
        shares.forEach((method, s) -> deltas.add(new MethodDelta(method, s[0], s[1])));
        return deltas;
    }
}

package dev.perfgate.core.jfr;

import java.util.Objects;

/**
 * A method found in {@code jdk.ExecutionSample} stack traces.
 *
 * <p>A sample counts as <em>self</em> for the method on top of its stack (the one running) and as
 * <em>total</em> for every distinct method on the stack, once per sample even when recursive.
 * JFR truncates deep stacks (64 frames by default), so callers near the bottom of very deep
 * stacks may be undercounted in {@code totalSamples}.
 *
 * @param method       {@code package.Class.method}, without signature, e.g.
 *                     {@code java.util.HashMap.getNode}
 * @param selfSamples  samples with this method on top, at least 0
 * @param totalSamples samples with this method anywhere on the stack, at least {@code selfSamples}
 * @param selfShare    {@code selfSamples} as a fraction of {@link JfrSummary#executionSamples()}, in [0, 1]
 * @param totalShare   {@code totalSamples} as a fraction of {@link JfrSummary#executionSamples()}, in [0, 1]
 */
public record HotMethod(String method, long selfSamples, long totalSamples, double selfShare, double totalShare) {

    public HotMethod {
        Objects.requireNonNull(method, "method");
        Checks.nonNegative(selfSamples, "selfSamples");
        if (totalSamples < selfSamples) {
            throw new IllegalArgumentException("totalSamples must be at least selfSamples (" + selfSamples
                    + "), was " + totalSamples);
        }
        Checks.fraction(selfShare, "selfShare");
        Checks.fraction(totalShare, "totalShare");
    }
}

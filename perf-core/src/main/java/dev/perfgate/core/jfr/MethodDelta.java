package dev.perfgate.core.jfr;

import java.util.Objects;

/**
 * How a method's self share of execution samples changed between two recordings.
 *
 * @param method           {@code package.Class.method}
 * @param baseSelfShare    its self share in the base recording, in [0, 1]; 0 when it was not among
 *                         the base's hot methods
 * @param currentSelfShare its self share in the current recording, in [0, 1]; 0 when it was not
 *                         among the current's hot methods
 */
public record MethodDelta(String method, double baseSelfShare, double currentSelfShare) {

    public MethodDelta {
        Objects.requireNonNull(method, "method");
        Checks.fraction(baseSelfShare, "baseSelfShare");
        Checks.fraction(currentSelfShare, "currentSelfShare");
    }

    /** {@code currentSelfShare - baseSelfShare}, in [-1, 1]: positive when the method got hotter. */
    public double delta() {
        return currentSelfShare - baseSelfShare;
    }
}

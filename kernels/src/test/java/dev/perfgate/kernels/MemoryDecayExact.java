package dev.perfgate.kernels;

/**
 * The decay formula in double precision with {@link Math#exp}, the oracle for
 * {@link MemoryDecay}, together with the tolerance the kernel guarantees against it.
 */
final class MemoryDecayExact {

    /**
     * The relative part of the documented bound. Measured worst case of the float algorithm:
     * 3.1e-7 over ages up to the underflow for several tau; 1e-6 leaves room.
     */
    static final double RELATIVE_TOLERANCE = 1e-6;

    private MemoryDecayExact() {
    }

    static double[] decay(float[] strength, float[] ageSeconds, double tauSeconds) {
        double[] result = new double[strength.length];
        for (int i = 0; i < strength.length; i++) {
            result[i] = strength[i] * Math.exp(-ageSeconds[i] / tauSeconds);
        }
        return result;
    }

    /**
     * The documented bound {@code 1e-6 * |exact| + max(1, |strength|) * Float.MIN_NORMAL}: the
     * absolute part covers factors flushed to 0 below 2^-126 and subnormal results.
     */
    static double tolerance(float strength, double exact) {
        return RELATIVE_TOLERANCE * Math.abs(exact) + Math.max(1.0, Math.abs(strength)) * Float.MIN_NORMAL;
    }

    /**
     * The first item of {@code actual} outside the tolerance, or -1 when all are within it.
     * NaN in the oracle must be NaN in {@code actual}, and vice versa.
     */
    static int firstOutsideTolerance(float[] strength, float[] ageSeconds, double tauSeconds, float[] actual) {
        double[] expected = decay(strength, ageSeconds, tauSeconds);
        for (int i = 0; i < expected.length; i++) {
            boolean within = Double.isNaN(expected[i])
                    ? Float.isNaN(actual[i])
                    : Math.abs(actual[i] - expected[i]) <= tolerance(strength[i], expected[i]);
            if (!within) {
                return i;
            }
        }
        return -1;
    }
}

package dev.perfgate.kernels;

/**
 * The decay formula in double precision with {@link Math#exp}, the yardstick for
 * {@link MemoryDecay}.
 */
final class MemoryDecayReference {

    private MemoryDecayReference() {
    }

    static double[] decay(float[] strength, float[] ageSeconds, double tauSeconds) {
        double[] result = new double[strength.length];
        for (int i = 0; i < strength.length; i++) {
            result[i] = strength[i] * Math.exp(-ageSeconds[i] / tauSeconds);
        }
        return result;
    }
}

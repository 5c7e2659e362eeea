package dev.perfgate.kernels;

/**
 * The memory floor of {@link MemoryDecay}: the same loads and stores as a decay batch (read
 * {@code strength[i]} and {@code ageSeconds[i]}, write {@code out[i]}) with one multiply in
 * place of the exponential. A decay batch cannot be faster than this, so
 * {@code MemoryDecayBenchmark.memoryFloor} is the yardstick for how close the kernel gets to
 * the hardware.
 *
 * <p>A plain loop, which C2 vectorizes by itself at the widest vectors the JVM allows
 * ({@code -XX:MaxVectorSize}); it needs no Vector API, so it also warms up in a few
 * milliseconds.
 */
final class MemoryDecayMemoryFloor {

    private MemoryDecayMemoryFloor() {
    }

    /** Writes {@code strength[i] * ageSeconds[i]} into {@code out[i]} for every item. */
    static void multiply(float[] strength, float[] ageSeconds, float[] out) {
        for (int i = 0; i < strength.length; i++) {
            out[i] = strength[i] * ageSeconds[i];
        }
    }
}

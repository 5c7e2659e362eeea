package dev.perfgate.kernels.reference;

import java.util.Objects;

/**
 * The plain scalar memory decay loop: the yardstick that {@link dev.perfgate.kernels.MemoryDecay}
 * is measured against and tested with. One {@link Math#exp} per item, no unrolling, no tricks;
 * keep it that way.
 *
 * <pre>
 *   out[i] = strength[i] * exp(-age[i] / tau)
 * </pre>
 *
 * <ul>
 *   <li>Units: ages and {@code tau} are in seconds (any unit works if both share it).</li>
 *   <li>Ranges: {@code tau} finite and {@code > 0}; ages {@code >= 0} including
 *       {@code +Infinity}; strengths finite. Age 0 returns the strength exactly; an age so
 *       large that the factor underflows returns 0, never NaN. Ages and strengths are not
 *       checked per item: a negative age grows the strength, and NaN propagates.</li>
 *   <li>Accuracy: the factor is computed in double and the product rounded once to float, so
 *       results are within 6e-8 (relative, one float rounding) of a double-precision
 *       computation, and within {@link Float#MIN_VALUE} when they are subnormal.</li>
 * </ul>
 *
 * <p>A call allocates nothing and only reads its inputs. Instances are immutable and
 * thread-safe; concurrent calls must use different {@code out} arrays.
 *
 * <pre>{@code
 * float[] expected = new float[strength.length];
 * new MemoryDecayReference(3600f).decay(strength, ageSeconds, expected);
 * }</pre>
 */
public final class MemoryDecayReference {

    private final float tauSeconds;
    // Multiplying by -1/tau instead of dividing by tau keeps the per-item work to one multiply.
    private final double negativeInverseTau;

    /**
     * Creates the loop for the given time constant.
     *
     * @param tauSeconds time constant in seconds, finite and {@code > 0}
     * @throws IllegalArgumentException if {@code tauSeconds} is not finite or not {@code > 0}
     */
    public MemoryDecayReference(float tauSeconds) {
        if (!(tauSeconds > 0f) || tauSeconds == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "tau must be finite and > 0 seconds, was: " + tauSeconds);
        }
        this.tauSeconds = tauSeconds;
        this.negativeInverseTau = -1.0 / tauSeconds;
    }

    /** @return the time constant in seconds, finite and {@code > 0} */
    public float tauSeconds() {
        return tauSeconds;
    }

    /**
     * Writes the decayed strength of every item into {@code out[0..n)}, where {@code n} is the
     * number of items; other entries of {@code out} are left untouched.
     *
     * @param strength strength of each item, finite
     * @param ageSeconds age of each item in seconds, {@code >= 0}; same length as {@code strength}
     * @param out receives the decayed strengths; at least {@code strength.length} long
     * @throws IllegalArgumentException if the lengths do not match
     * @throws NullPointerException if an array is null
     */
    public void decay(float[] strength, float[] ageSeconds, float[] out) {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(ageSeconds, "ageSeconds");
        Objects.requireNonNull(out, "out");
        int n = strength.length;
        if (ageSeconds.length != n) {
            throw new IllegalArgumentException("ageSeconds length must equal strength length "
                    + n + ", was: " + ageSeconds.length);
        }
        if (out.length < n) {
            throw new IllegalArgumentException(
                    "out length must be >= strength length " + n + ", was: " + out.length);
        }
        for (int i = 0; i < n; i++) {
            out[i] = (float) (strength[i] * Math.exp(ageSeconds[i] * negativeInverseTau));
        }
    }
}

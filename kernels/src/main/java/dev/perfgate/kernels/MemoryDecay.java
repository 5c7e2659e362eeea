package dev.perfgate.kernels;

import dev.perfgate.kernels.reference.MemoryDecayReference;
import java.util.Objects;

/**
 * Exponential memory decay: each item's strength fades with its age,
 * <pre>
 *   out[i] = strength[i] * exp(-age[i] / tau)
 * </pre>
 * where {@code tau}, the time constant, is the age at which a strength has fallen to
 * {@code 1/e} (about 37%) of its value.
 *
 * <ul>
 *   <li>Units: ages and {@code tau} are in seconds (any unit works if both share it).</li>
 *   <li>Ranges: {@code tau} finite and {@code > 0}; ages {@code >= 0} including
 *       {@code +Infinity}; strengths finite, typically in [0, 1]. Age 0 returns the strength
 *       exactly; an age so large that the factor underflows returns 0, never NaN. Ages and
 *       strengths are not checked per item (that would cost a second pass): NaN propagates,
 *       and a negative age grows the strength, within the accuracy below, down to
 *       {@code -126 ln 2 tau} (about -87.3 tau, a factor of 2<sup>126</sup>); the result for
 *       more negative ages is unspecified.</li>
 *   <li>Accuracy: computed in float, with
 *       <pre>
 *   |out[i] - exact[i]| &lt;= 1e-6 * |exact[i]| + max(1, |strength[i]|) * Float.MIN_NORMAL
 *       </pre>
 *       against the exact (double precision) value. The relative part holds for the whole
 *       age range, not only near {@code tau} (measured worst case 3.1e-7, about 5 float ulps).
 *       The absolute part covers underflow: once the factor drops below
 *       {@link Float#MIN_NORMAL} (2<sup>-126</sup>, ages above 126 ln 2 tau, about 87.3 tau) it
 *       is flushed to 0 instead of passing through the subnormal range.</li>
 * </ul>
 *
 * <p>Implementation: with the Vector API enabled ({@link Kernels#vectorized()}) a whole
 * vector of items is decayed per step with an inlined float {@code exp}; otherwise the same
 * algorithm runs one item at a time (about 3 times faster than calling {@link Math#exp}).
 * Both give bit-identical results. The constructor precomputes the constants of the
 * algorithm for its {@code tau} (the split {@code -1/(tau ln 2)} and the underflow age). For
 * {@code tau} outside [2<sup>-100</sup>, 2<sup>100</sup>] seconds, where those constants do
 * not fit a float, the kernel runs the plain double-precision loop
 * ({@link MemoryDecayReference}), which meets the same contract.
 *
 * <p>A call allocates nothing and only reads its inputs. Instances are immutable and
 * thread-safe; concurrent calls must use different {@code out} arrays.
 *
 * <pre>{@code
 * MemoryDecay decay = new MemoryDecay(3600f);          // tau = one hour
 * float[] out = new float[strength.length];
 * decay.decay(strength, ageSeconds, out);
 * }</pre>
 */
public final class MemoryDecay {

    /** Default time constant: one hour, in seconds. */
    public static final float DEFAULT_TAU_SECONDS = 3600f;

    /** Default number of items, the size the benchmark measures. */
    public static final int DEFAULT_ITEMS = 10_000;

    private final float tauSeconds;
    private final Loop loop;

    /**
     * Creates a kernel with the given time constant.
     *
     * @param tauSeconds time constant in seconds, finite and {@code > 0}
     * @throws IllegalArgumentException if {@code tauSeconds} is not finite or not {@code > 0}
     */
    public MemoryDecay(float tauSeconds) {
        if (!(tauSeconds > 0f) || tauSeconds == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "tau must be finite and > 0 seconds, was: " + tauSeconds);
        }
        this.tauSeconds = tauSeconds;
        this.loop = loopFor(tauSeconds);
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
        loop.decay(strength, ageSeconds, out);
    }

    // The vector class is named only behind Kernels.vectorized(), so it is never loaded when
    // jdk.incubator.vector is absent.
    private static Loop loopFor(float tauSeconds) {
        if (!MemoryDecayScalar.supportsTau(tauSeconds)) {
            return new MemoryDecayReference(tauSeconds)::decay;
        }
        MemoryDecayScalar scalar = new MemoryDecayScalar(tauSeconds);
        return Kernels.vectorized() ? new MemoryDecayVector(scalar) : scalar;
    }

    /**
     * One implementation of the decay loop; arguments are already validated: equal lengths
     * {@code n}, {@code out} at least {@code n} long.
     */
    interface Loop {
        void decay(float[] strength, float[] ageSeconds, float[] out);
    }
}

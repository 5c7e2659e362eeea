package dev.perfgate.kernels;

import java.util.Objects;
import java.util.Random;

/**
 * Input for {@link MemoryDecay}: a strength and an age in seconds per item, in two parallel
 * arrays of equal length.
 *
 * <p>The arrays are held by reference, not copied, so the kernel reads them in place; do not
 * modify them after construction. {@code equals} compares array identity, as for any record
 * with array components.
 *
 * <pre>{@code
 * MemoryDecayInput in = MemoryDecayInput.random(42L, 10_000, 5 * 3600f);
 * new MemoryDecay(3600f).decay(in.strength(), in.ageSeconds(), out);
 * }</pre>
 *
 * @param strength strength of each item
 * @param ageSeconds age of each item in seconds, same length as {@code strength}
 */
public record MemoryDecayInput(float[] strength, float[] ageSeconds) {

    /**
     * Validates the shape.
     *
     * @param strength strength of each item
     * @param ageSeconds age of each item in seconds, same length as {@code strength}
     * @throws IllegalArgumentException if the lengths differ
     * @throws NullPointerException if an array is null
     */
    public MemoryDecayInput {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(ageSeconds, "ageSeconds");
        if (ageSeconds.length != strength.length) {
            throw new IllegalArgumentException("ageSeconds length must equal strength length "
                    + strength.length + ", was: " + ageSeconds.length);
        }
    }

    /**
     * Creates a reproducible input: strengths uniform in [0, 1), ages uniform in
     * [0, maxAgeSeconds). Uses {@link Random}, whose sequence for a seed is fixed by its
     * specification, so a seed gives the same data on every JDK.
     *
     * @param seed random seed; equal seeds give equal data
     * @param items number of items, at least 0
     * @param maxAgeSeconds bound of the ages in seconds, finite and {@code >= 0}
     * @return a new input
     * @throws IllegalArgumentException if a size or bound is out of range
     */
    public static MemoryDecayInput random(long seed, int items, float maxAgeSeconds) {
        if (items < 0) {
            throw new IllegalArgumentException("items must be >= 0, was: " + items);
        }
        if (!(maxAgeSeconds >= 0f) || maxAgeSeconds == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "maxAgeSeconds must be finite and >= 0, was: " + maxAgeSeconds);
        }
        Random random = new Random(seed);
        float[] strength = new float[items];
        float[] ageSeconds = new float[items];
        for (int i = 0; i < items; i++) {
            strength[i] = random.nextFloat();
            ageSeconds[i] = maxAgeSeconds * random.nextFloat();
        }
        return new MemoryDecayInput(strength, ageSeconds);
    }

    /** @return number of items */
    public int size() {
        return strength.length;
    }

    /** @return the size only, since the arrays are too large to print */
    @Override
    public String toString() {
        return "MemoryDecayInput[items=" + size() + "]";
    }
}

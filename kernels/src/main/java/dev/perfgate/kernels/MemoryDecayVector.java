package dev.perfgate.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The decay loop with the Vector API: the algorithm of {@link MemoryDecayScalar} applied to
 * a whole vector of items per step (8 floats with AVX2), with the same constants and the same
 * order of operations, so the results are bit-identical to the scalar version; the items
 * after the last full vector go through the scalar version.
 *
 * <p>The inlined polynomial beats {@code lanewise(VectorOperators.EXP)}, which calls the
 * JDK's vector math library (SVML) routine: about 2.7 against 7 us for the default 10,000
 * items (JDK 17 and 25, AVX2). It also avoids rounding {@code -age / tau} to float before the
 * {@code exp}, which alone costs up to 6e-6 relative error near the underflow. Per vector the
 * loop issues 10 multiplies or fused multiply-adds and a few cheaper operations, so with two
 * FMA units it is bound by them: about 5 cycles per 8 items.
 *
 * <p>Loaded only when {@link Kernels#vectorized()}.
 */
final class MemoryDecayVector implements MemoryDecay.Loop {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /**
     * Items per call of {@link #decayBlock}, a multiple of every vector length. Until C2 has
     * compiled it, a Vector API loop runs thousands of times slower (every vector operation a
     * call that allocates), and with HotSpot's default tiered thresholds C2 compiles a method
     * only after more than 600 invocations ({@code Tier4MinInvocationThreshold}), however many
     * loop iterations they ran. A call per block of 512 items makes that 20 calls per batch of
     * 10,000 items, so the kernel is compiled after about 30 batches instead of about 600.
     */
    private static final int BLOCK = 512;

    private final MemoryDecayScalar scalar;

    /**
     * @param scalar the scalar version for the same {@code tau}: the constants and the tail
     */
    MemoryDecayVector(MemoryDecayScalar scalar) {
        this.scalar = scalar;
    }

    @Override
    public void decay(float[] strength, float[] ageSeconds, float[] out) {
        int n = strength.length;
        int upper = SPECIES.loopBound(n);
        for (int from = 0; from < upper; from += BLOCK) {
            decayBlock(strength, ageSeconds, out, from, Math.min(from + BLOCK, upper));
        }
        scalar.decay(strength, ageSeconds, out, upper, n);
    }

    /** Decays items {@code [from, to)}, a whole number of vectors. */
    private void decayBlock(float[] strength, float[] ageSeconds, float[] out, int from, int to) {
        // Broadcasts in locals, not fields: C2 keeps them in registers across the loop.
        FloatVector hi = FloatVector.broadcast(SPECIES, scalar.hi());
        FloatVector lo = FloatVector.broadcast(SPECIES, scalar.lo());
        FloatVector shift = FloatVector.broadcast(SPECIES, MemoryDecayScalar.SHIFT);
        FloatVector c1 = FloatVector.broadcast(SPECIES, MemoryDecayScalar.C1);
        FloatVector c2 = FloatVector.broadcast(SPECIES, MemoryDecayScalar.C2);
        FloatVector c3 = FloatVector.broadcast(SPECIES, MemoryDecayScalar.C3);
        FloatVector c4 = FloatVector.broadcast(SPECIES, MemoryDecayScalar.C4);
        FloatVector c5 = FloatVector.broadcast(SPECIES, MemoryDecayScalar.C5);
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        float maxAge = scalar.maxAgeSeconds();
        for (int i = from; i < to; i += SPECIES.length()) {
            FloatVector age = FloatVector.fromArray(SPECIES, ageSeconds, i);
            FloatVector y = age.fma(hi, shift);
            FloatVector r = age.fma(hi, shift.sub(y));
            r = age.fma(lo, r);
            FloatVector p = r.fma(c5, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            p = p.fma(r, c1);
            p = p.fma(r, one);
            FloatVector scale = y.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector.fromArray(SPECIES, strength, i).mul(scale).mul(p)
                    .blend(0f, age.compare(VectorOperators.GT, maxAge))
                    .intoArray(out, i);
        }
    }
}

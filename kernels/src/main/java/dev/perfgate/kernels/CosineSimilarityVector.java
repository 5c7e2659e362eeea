package dev.perfgate.kernels;

import static dev.perfgate.kernels.CosineSimilarity.cosine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CosineSimilarity} with the Vector API; loaded only when {@link Kernels#vectorized()}.
 *
 * <p>Candidates are scored four at a time: each query chunk is loaded once and multiplied into
 * four candidates, which saves loads, and the four candidates' accumulators are independent
 * FMA chains that hide the FMA latency. Every vector (query, candidate) is summed the same way,
 * with one accumulator: full-width chunks are fused-multiply-added lane-wise, the lanes are
 * reduced, then the {@code dimension % lanes} tail components are added in scalar order. The
 * prepared form does one FMA per candidate float, the unprepared form two (dot and norm). The
 * prepared form reads its own copy of the candidates, laid out so that a group of four is one
 * sequential stream ({@link #layout}).
 *
 * <p>Why four candidates and one accumulator each: at the default sizes the 3 MB of candidates
 * come from L3, and the prepared loop on its blocked copy ran within 1.03x of a plain streaming
 * sum of the same floats (whole JMH batches: 1.14x to 1.24x, docs/kernels.md); eight candidates, or two accumulators per candidate (eight
 * FMA chains), measured no faster, and one candidate at a time with four accumulators measured
 * slower (twice the loads per FMA).
 */
final class CosineSimilarityVector implements CosineSimilarityImpl {

    /**
     * At most 256 bits: the candidates stream from the L3 cache, whose bandwidth 512-bit loads
     * do not raise, while every 512-bit load from an address that is not a multiple of 64 bytes
     * spans two cache lines. G1 places a humongous array (the default 3 MB copy, on heaps below
     * 16 GB) at the start of a region, its first element 16 bytes past a 64-byte boundary, so
     * with 512-bit vectors each candidate load was split: 57 us per batch against 48 us for
     * 64-byte-aligned candidates or for 256-bit vectors at that placement (AVX-512 host;
     * docs/kernels.md). 256-bit loads depend on alignment too, less.
     */
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED.vectorBitSize() > 256
            ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public float normSquared(float[] vector, int offset, int dimension) {
        int bound = SPECIES.loopBound(dimension);
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int i = 0; i < bound; i += LANES) {
            FloatVector x = FloatVector.fromArray(SPECIES, vector, offset + i);
            sum = x.fma(x, sum);
        }
        float normSquared = sum.reduceLanes(VectorOperators.ADD);
        for (int i = bound; i < dimension; i++) {
            float x = vector[offset + i];
            normSquared += x * x;
        }
        return normSquared;
    }

    /**
     * Groups of four candidates, each group read front to back by one pass of the prepared
     * loop: for each vector-wide chunk of the dimension, that chunk of the four candidates one
     * after the other, then the four candidates' tails ({@code dimension % lanes} floats
     * each); the candidates after the last full group stay row-major. One sequential stream,
     * where four rows read side by side are four streams 3 KB apart: 41 against 51 us per
     * batch (256-bit vectors, AVX-512 host), with the same sums in the same order.
     */
    @Override
    public float[] layout(float[] candidates, int dimension, int count) {
        float[] laidOut = new float[count * dimension];
        int bound = SPECIES.loopBound(dimension);
        int tail = dimension - bound;
        int grouped = count / 4 * 4 * dimension;
        int p = 0;
        for (int base = 0; base < grouped; base += 4 * dimension) {
            for (int i = 0; i < bound; i += LANES) {
                for (int j = 0; j < 4; j++) {
                    System.arraycopy(candidates, base + j * dimension + i, laidOut, p, LANES);
                    p += LANES;
                }
            }
            for (int j = 0; j < 4; j++) {
                System.arraycopy(candidates, base + j * dimension + bound, laidOut, p, tail);
                p += tail;
            }
        }
        System.arraycopy(candidates, grouped, laidOut, grouped, count * dimension - grouped);
        return laidOut;
    }

    @Override
    public void similarities(float[] query, float[] candidates, float[] candidateNormsSquared,
            int dimension, int count, float[] out) {
        float queryNormSquared = normSquared(query, 0, dimension);
        int bound = SPECIES.loopBound(dimension);
        int tail = dimension - bound;
        int p = 0;
        int c = 0;
        for (; c + 4 <= count; c += 4) {
            FloatVector dot0 = FloatVector.zero(SPECIES);
            FloatVector dot1 = dot0;
            FloatVector dot2 = dot0;
            FloatVector dot3 = dot0;
            for (int i = 0; i < bound; i += LANES, p += 4 * LANES) {
                FloatVector q = FloatVector.fromArray(SPECIES, query, i);
                dot0 = q.fma(FloatVector.fromArray(SPECIES, candidates, p), dot0);
                dot1 = q.fma(FloatVector.fromArray(SPECIES, candidates, p + LANES), dot1);
                dot2 = q.fma(FloatVector.fromArray(SPECIES, candidates, p + 2 * LANES), dot2);
                dot3 = q.fma(FloatVector.fromArray(SPECIES, candidates, p + 3 * LANES), dot3);
            }
            float d0 = dot0.reduceLanes(VectorOperators.ADD);
            float d1 = dot1.reduceLanes(VectorOperators.ADD);
            float d2 = dot2.reduceLanes(VectorOperators.ADD);
            float d3 = dot3.reduceLanes(VectorOperators.ADD);
            for (int i = 0; i < tail; i++) {
                float q = query[bound + i];
                d0 += q * candidates[p + i];
                d1 += q * candidates[p + tail + i];
                d2 += q * candidates[p + 2 * tail + i];
                d3 += q * candidates[p + 3 * tail + i];
            }
            p += 4 * tail;
            out[c] = cosine(d0, queryNormSquared, candidateNormsSquared[c]);
            out[c + 1] = cosine(d1, queryNormSquared, candidateNormsSquared[c + 1]);
            out[c + 2] = cosine(d2, queryNormSquared, candidateNormsSquared[c + 2]);
            out[c + 3] = cosine(d3, queryNormSquared, candidateNormsSquared[c + 3]);
        }
        for (; c < count; c++) {
            float dot = dot(query, candidates, c * dimension, dimension, bound);
            out[c] = cosine(dot, queryNormSquared, candidateNormsSquared[c]);
        }
    }

    @Override
    public void similarities(float[] query, float[] candidates, int dimension, int count, float[] out) {
        float queryNormSquared = normSquared(query, 0, dimension);
        int bound = SPECIES.loopBound(dimension);
        int c = 0;
        for (; c + 4 <= count; c += 4) {
            int base0 = c * dimension;
            int base1 = base0 + dimension;
            int base2 = base1 + dimension;
            int base3 = base2 + dimension;
            FloatVector dot0 = FloatVector.zero(SPECIES);
            FloatVector dot1 = dot0;
            FloatVector dot2 = dot0;
            FloatVector dot3 = dot0;
            FloatVector norm0 = dot0;
            FloatVector norm1 = dot0;
            FloatVector norm2 = dot0;
            FloatVector norm3 = dot0;
            for (int i = 0; i < bound; i += LANES) {
                FloatVector q = FloatVector.fromArray(SPECIES, query, i);
                FloatVector x0 = FloatVector.fromArray(SPECIES, candidates, base0 + i);
                FloatVector x1 = FloatVector.fromArray(SPECIES, candidates, base1 + i);
                FloatVector x2 = FloatVector.fromArray(SPECIES, candidates, base2 + i);
                FloatVector x3 = FloatVector.fromArray(SPECIES, candidates, base3 + i);
                dot0 = q.fma(x0, dot0);
                dot1 = q.fma(x1, dot1);
                dot2 = q.fma(x2, dot2);
                dot3 = q.fma(x3, dot3);
                norm0 = x0.fma(x0, norm0);
                norm1 = x1.fma(x1, norm1);
                norm2 = x2.fma(x2, norm2);
                norm3 = x3.fma(x3, norm3);
            }
            float d0 = dot0.reduceLanes(VectorOperators.ADD);
            float d1 = dot1.reduceLanes(VectorOperators.ADD);
            float d2 = dot2.reduceLanes(VectorOperators.ADD);
            float d3 = dot3.reduceLanes(VectorOperators.ADD);
            float n0 = norm0.reduceLanes(VectorOperators.ADD);
            float n1 = norm1.reduceLanes(VectorOperators.ADD);
            float n2 = norm2.reduceLanes(VectorOperators.ADD);
            float n3 = norm3.reduceLanes(VectorOperators.ADD);
            for (int i = bound; i < dimension; i++) {
                float q = query[i];
                float x0 = candidates[base0 + i];
                float x1 = candidates[base1 + i];
                float x2 = candidates[base2 + i];
                float x3 = candidates[base3 + i];
                d0 += q * x0;
                d1 += q * x1;
                d2 += q * x2;
                d3 += q * x3;
                n0 += x0 * x0;
                n1 += x1 * x1;
                n2 += x2 * x2;
                n3 += x3 * x3;
            }
            out[c] = cosine(d0, queryNormSquared, n0);
            out[c + 1] = cosine(d1, queryNormSquared, n1);
            out[c + 2] = cosine(d2, queryNormSquared, n2);
            out[c + 3] = cosine(d3, queryNormSquared, n3);
        }
        for (; c < count; c++) {
            int base = c * dimension;
            float dot = dot(query, candidates, base, dimension, bound);
            out[c] = cosine(dot, queryNormSquared, normSquared(candidates, base, dimension));
        }
    }

    /** One candidate's dot product with the query, summed like {@link #normSquared}. */
    private static float dot(float[] query, float[] candidates, int base, int dimension, int bound) {
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int i = 0; i < bound; i += LANES) {
            FloatVector q = FloatVector.fromArray(SPECIES, query, i);
            sum = q.fma(FloatVector.fromArray(SPECIES, candidates, base + i), sum);
        }
        float dot = sum.reduceLanes(VectorOperators.ADD);
        for (int i = bound; i < dimension; i++) {
            dot += query[i] * candidates[base + i];
        }
        return dot;
    }
}

package dev.perfgate.kernels;

import java.util.Arrays;

import static dev.perfgate.kernels.CosineSimilarity.cosine;

/**
 * {@link CosineSimilarity} without the Vector API: the fallback when
 * {@code jdk.incubator.vector} is absent or {@code -Dperfgate.kernels.scalar=true}.
 *
 * <p>Every sum (dot product or squared norm) runs over four independent accumulators, one per
 * component index modulo 4, so consecutive additions do not wait for each other; the four are
 * combined as {@code (s0 + s1) + (s2 + s3)} and the {@code dimension % 4} tail components are
 * added last. The prepared form scores two candidates at a time, so each query component
 * loaded serves two multiply-adds; the unprepared form computes each candidate's dot product
 * and squared norm in the same pass. Plain {@code a * b + s}, not {@link Math#fma}, which is
 * slower here and very slow on hardware without FMA.
 */
final class CosineSimilarityScalar implements CosineSimilarityImpl {

    @Override
    public float normSquared(float[] vector, int offset, int dimension) {
        int bound = dimension & ~3;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int i = 0; i < bound; i += 4) {
            float x0 = vector[offset + i];
            float x1 = vector[offset + i + 1];
            float x2 = vector[offset + i + 2];
            float x3 = vector[offset + i + 3];
            s0 += x0 * x0;
            s1 += x1 * x1;
            s2 += x2 * x2;
            s3 += x3 * x3;
        }
        float sum = (s0 + s1) + (s2 + s3);
        for (int i = bound; i < dimension; i++) {
            float x = vector[offset + i];
            sum += x * x;
        }
        return sum;
    }

    /** Row-major, as given. */
    @Override
    public float[] layout(float[] candidates, int dimension, int count) {
        return Arrays.copyOf(candidates, count * dimension);
    }

    @Override
    public void similarities(float[] query, float[] candidates, float[] candidateNormsSquared,
            int dimension, int count, float[] out) {
        float queryNormSquared = normSquared(query, 0, dimension);
        int bound = dimension & ~3;
        int c = 0;
        for (; c + 2 <= count; c += 2) {
            int base0 = c * dimension;
            int base1 = base0 + dimension;
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            float t0 = 0f;
            float t1 = 0f;
            float t2 = 0f;
            float t3 = 0f;
            for (int i = 0; i < bound; i += 4) {
                float q0 = query[i];
                float q1 = query[i + 1];
                float q2 = query[i + 2];
                float q3 = query[i + 3];
                s0 += q0 * candidates[base0 + i];
                s1 += q1 * candidates[base0 + i + 1];
                s2 += q2 * candidates[base0 + i + 2];
                s3 += q3 * candidates[base0 + i + 3];
                t0 += q0 * candidates[base1 + i];
                t1 += q1 * candidates[base1 + i + 1];
                t2 += q2 * candidates[base1 + i + 2];
                t3 += q3 * candidates[base1 + i + 3];
            }
            float dot0 = (s0 + s1) + (s2 + s3);
            float dot1 = (t0 + t1) + (t2 + t3);
            for (int i = bound; i < dimension; i++) {
                dot0 += query[i] * candidates[base0 + i];
                dot1 += query[i] * candidates[base1 + i];
            }
            out[c] = cosine(dot0, queryNormSquared, candidateNormsSquared[c]);
            out[c + 1] = cosine(dot1, queryNormSquared, candidateNormsSquared[c + 1]);
        }
        if (c < count) {
            float dot = dot(query, candidates, c * dimension, dimension);
            out[c] = cosine(dot, queryNormSquared, candidateNormsSquared[c]);
        }
    }

    @Override
    public void similarities(float[] query, float[] candidates, int dimension, int count, float[] out) {
        float queryNormSquared = normSquared(query, 0, dimension);
        int bound = dimension & ~3;
        for (int c = 0; c < count; c++) {
            int base = c * dimension;
            float d0 = 0f;
            float d1 = 0f;
            float d2 = 0f;
            float d3 = 0f;
            float n0 = 0f;
            float n1 = 0f;
            float n2 = 0f;
            float n3 = 0f;
            for (int i = 0; i < bound; i += 4) {
                float x0 = candidates[base + i];
                float x1 = candidates[base + i + 1];
                float x2 = candidates[base + i + 2];
                float x3 = candidates[base + i + 3];
                d0 += query[i] * x0;
                d1 += query[i + 1] * x1;
                d2 += query[i + 2] * x2;
                d3 += query[i + 3] * x3;
                n0 += x0 * x0;
                n1 += x1 * x1;
                n2 += x2 * x2;
                n3 += x3 * x3;
            }
            float dot = (d0 + d1) + (d2 + d3);
            float normSquared = (n0 + n1) + (n2 + n3);
            for (int i = bound; i < dimension; i++) {
                float x = candidates[base + i];
                dot += query[i] * x;
                normSquared += x * x;
            }
            out[c] = cosine(dot, queryNormSquared, normSquared);
        }
    }

    /** One candidate's dot product with the query, summed like {@link #normSquared}. */
    private static float dot(float[] query, float[] candidates, int base, int dimension) {
        int bound = dimension & ~3;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int i = 0; i < bound; i += 4) {
            s0 += query[i] * candidates[base + i];
            s1 += query[i + 1] * candidates[base + i + 1];
            s2 += query[i + 2] * candidates[base + i + 2];
            s3 += query[i + 3] * candidates[base + i + 3];
        }
        float sum = (s0 + s1) + (s2 + s3);
        for (int i = bound; i < dimension; i++) {
            sum += query[i] * candidates[base + i];
        }
        return sum;
    }
}

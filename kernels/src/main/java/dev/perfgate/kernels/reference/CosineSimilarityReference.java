package dev.perfgate.kernels.reference;

import java.util.Objects;

/**
 * The plain scalar batch cosine similarity: the straightforward loop, kept as the correctness
 * reference and the speed yardstick for {@link dev.perfgate.kernels.CosineSimilarity}, which has
 * the same contract (formula, zero vectors, range, magnitudes). Deliberately unoptimised: one
 * pass per candidate with one float accumulator for the dot product and one for the squared
 * norm, so it must stay easy to check by eye. Do not speed it up; the benchmark
 * {@code CosineSimilarityBenchmark.batchReference} measures it as the baseline.
 *
 * <p>For candidate {@code c} (the {@code dimension} floats starting at
 * {@code candidates[c * dimension]}):
 * <pre>
 *   out[c] = (q . x_c) / (|q| * |x_c|), clamped to [-1, 1]; 0 if |q| = 0 or |x_c| = 0
 * </pre>
 * Accuracy: within 1e-5 (absolute) of a double-precision computation for components in
 * [-1, 1] and dimension 768. A call allocates nothing and only reads its inputs.
 *
 * <pre>{@code
 * new CosineSimilarityReference(768).similarities(query, candidates, 1000, out);
 * }</pre>
 */
public final class CosineSimilarityReference {

    private final int dimension;

    /**
     * Creates a reference kernel for vectors of the given dimension.
     *
     * @param dimension number of components per vector, at least 1
     * @throws IllegalArgumentException if {@code dimension < 1}
     */
    public CosineSimilarityReference(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, was: " + dimension);
        }
        this.dimension = dimension;
    }

    /** @return number of components per vector, at least 1 */
    public int dimension() {
        return dimension;
    }

    /**
     * Writes the cosine similarity of {@code query} with each of the first {@code count}
     * candidates into {@code out[0..count)}; other entries of {@code out} are left untouched.
     *
     * @param query the query vector, exactly {@link #dimension()} components
     * @param candidates candidate vectors row-major; at least {@code count * dimension} floats
     * @param count number of candidates to score, at least 0
     * @param out receives the similarities, in [-1, 1]; at least {@code count} long
     * @throws IllegalArgumentException if a length or {@code count} is out of range
     * @throws NullPointerException if an array is null
     */
    public void similarities(float[] query, float[] candidates, int count, float[] out) {
        validate(query, candidates, count, out);
        float queryNormSquared = 0f;
        for (int i = 0; i < dimension; i++) {
            queryNormSquared += query[i] * query[i];
        }
        for (int c = 0; c < count; c++) {
            int base = c * dimension;
            float dot = 0f;
            float normSquared = 0f;
            for (int i = 0; i < dimension; i++) {
                float x = candidates[base + i];
                dot += query[i] * x;
                normSquared += x * x;
            }
            out[c] = cosine(dot, queryNormSquared, normSquared);
        }
    }

    private static float cosine(float dot, float queryNormSquared, float candidateNormSquared) {
        if (queryNormSquared == 0f || candidateNormSquared == 0f) {
            return 0f;
        }
        // The product of two squared norms can overflow float long before either norm does.
        double cosine = dot / Math.sqrt((double) queryNormSquared * candidateNormSquared);
        return (float) Math.max(-1.0, Math.min(1.0, cosine));
    }

    private void validate(float[] query, float[] candidates, int count, float[] out) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(out, "out");
        if (query.length != dimension) {
            throw new IllegalArgumentException(
                    "query length must equal dimension " + dimension + ", was: " + query.length);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was: " + count);
        }
        long needed = (long) count * dimension;
        if (candidates.length < needed) {
            throw new IllegalArgumentException("candidates length must be >= count * dimension = "
                    + needed + ", was: " + candidates.length);
        }
        if (out.length < count) {
            throw new IllegalArgumentException(
                    "out length must be >= count " + count + ", was: " + out.length);
        }
    }
}

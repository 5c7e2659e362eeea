package dev.perfgate.kernels;

/**
 * The loops behind {@link CosineSimilarity}: {@link CosineSimilarityVector} (Vector API) or
 * {@link CosineSimilarityScalar}, chosen once per JVM. Arguments are validated by the caller.
 *
 * <p>Each implementation sums a squared norm in exactly the order in which it sums a dot
 * product, so a candidate identical to the query has {@code dot == |q|^2 == |x|^2} bit for bit
 * and similarity exactly 1.
 */
interface CosineSimilarityImpl {

    /** @return the sum of {@code vector[offset + i]^2} for {@code i < dimension} */
    float normSquared(float[] vector, int offset, int dimension);

    /** Unprepared: each candidate's dot product and squared norm in one pass over it. */
    void similarities(float[] query, float[] candidates, int dimension, int count, float[] out);

    /**
     * The private copy of {@code count} row-major candidates that the prepared form reads, in
     * the order this implementation reads them.
     */
    float[] layout(float[] candidates, int dimension, int count);

    /**
     * Prepared: dot products only, the candidates' squared norms are given.
     *
     * @param candidates the candidates as {@link #layout} of this implementation made them
     */
    void similarities(float[] query, float[] candidates, float[] candidateNormsSquared,
            int dimension, int count, float[] out);
}

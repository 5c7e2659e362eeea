package dev.perfgate.kernels;

import java.util.Objects;
import java.util.Random;

/**
 * Input for {@link CosineSimilarity}: one query and {@code count} candidates of the same
 * dimension, the candidates row-major in one array.
 *
 * <p>The arrays are held by reference, not copied: they are benchmark inputs (the default
 * candidates take 3 MB) that the kernel reads in place. Do not modify them after
 * construction. {@code equals} compares array identity, as for any record with array
 * components.
 *
 * <pre>{@code
 * CosineSimilarityInput in = CosineSimilarityInput.random(42L, 768, 1000);
 * new CosineSimilarity(in.dimension()).similarities(in.query(), in.candidates(), in.count(), out);
 * }</pre>
 *
 * @param dimension number of components per vector, at least 1
 * @param count number of candidates, at least 0
 * @param query the query vector, exactly {@code dimension} floats
 * @param candidates {@code count} vectors row-major, exactly {@code count * dimension} floats
 */
public record CosineSimilarityInput(int dimension, int count, float[] query, float[] candidates) {

    /**
     * Validates the shape.
     *
     * @param dimension number of components per vector, at least 1
     * @param count number of candidates, at least 0
     * @param query the query vector, exactly {@code dimension} floats
     * @param candidates {@code count} vectors row-major, exactly {@code count * dimension} floats
     * @throws IllegalArgumentException if a size or length is out of range
     * @throws NullPointerException if an array is null
     */
    public CosineSimilarityInput {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(candidates, "candidates");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, was: " + dimension);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was: " + count);
        }
        if (query.length != dimension) {
            throw new IllegalArgumentException(
                    "query length must equal dimension " + dimension + ", was: " + query.length);
        }
        if (candidates.length != (long) count * dimension) {
            throw new IllegalArgumentException("candidates length must equal count * dimension = "
                    + (long) count * dimension + ", was: " + candidates.length);
        }
    }

    /**
     * Creates a reproducible input whose components are uniform in [-1, 1).
     *
     * <p>{@link Random} is used because its sequence for a seed is fixed by its specification,
     * so the same seed gives the same data on every JDK.
     *
     * @param seed random seed; equal seeds give equal data
     * @param dimension number of components per vector, at least 1
     * @param count number of candidates, at least 0, with {@code count * dimension} fitting
     *     in an array
     * @return a new input
     * @throws IllegalArgumentException if a size is out of range
     */
    public static CosineSimilarityInput random(long seed, int dimension, int count) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, was: " + dimension);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was: " + count);
        }
        long total = (long) count * dimension;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "count * dimension must fit in an array, was: " + total);
        }
        Random random = new Random(seed);
        float[] query = uniformSigned(random, dimension);
        float[] candidates = uniformSigned(random, (int) total);
        return new CosineSimilarityInput(dimension, count, query, candidates);
    }

    private static float[] uniformSigned(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = 2f * random.nextFloat() - 1f;
        }
        return values;
    }

    /** @return the sizes only, since the arrays are too large to print */
    @Override
    public String toString() {
        return "CosineSimilarityInput[dimension=" + dimension + ", count=" + count + "]";
    }
}

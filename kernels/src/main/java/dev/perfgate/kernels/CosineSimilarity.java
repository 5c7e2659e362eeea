package dev.perfgate.kernels;

import java.util.Arrays;
import java.util.Objects;

/**
 * Batch cosine similarity: one query vector against many candidate vectors of the same
 * dimension, stored contiguously row-major in a single {@code float[]}.
 *
 * <p>For candidate {@code c} (the {@code dimension} floats starting at
 * {@code candidates[c * dimension]}):
 * <pre>
 *   out[c] = (q . x_c) / (|q| * |x_c|), clamped to [-1, 1]
 * </pre>
 * <ul>
 *   <li>Range: every result is in [-1, 1]; the clamp only absorbs float rounding. A candidate
 *       identical to the query gives 1 (exactly, since its dot product and both squared norms
 *       are summed in the same order).</li>
 *   <li>Zero vectors: if the query or a candidate has norm 0, that similarity is defined as
 *       0 (the formula would be 0/0). Zero is the neutral answer for ranking: a zero vector is
 *       neither similar nor dissimilar to anything.</li>
 *   <li>Magnitudes: dot products and squared norms accumulate in {@code float}, so components
 *       should be finite with magnitudes between about 1e-19 and 1e17. Below that, squared
 *       norms underflow and the vector counts as zero (similarity 0); above it they overflow
 *       and the result is NaN. NaN components give NaN.</li>
 *   <li>Accuracy: within 1e-5 (absolute) of a double-precision computation for components in
 *       [-1, 1] and dimension 768 (tested at dimensions between 1 and 769; the largest error observed at
 *       768 is about 5e-8, below the plain loop's 1e-7, since partial sums stay smaller).
 *       Results may differ in the last bits from the plain
 *       {@link dev.perfgate.kernels.reference.CosineSimilarityReference}, because each sum is
 *       split over several accumulators (vector lanes) and the Vector API path fuses multiply
 *       and add, and between the Vector API path and the scalar fallback
 *       ({@link Kernels#implementation()} says which one runs).</li>
 * </ul>
 *
 * <p>Two forms. {@link #similarities(float[], float[], int, float[])} takes the raw candidate
 * array and computes each candidate's dot product and squared norm in one pass. When the same
 * candidates are scored against many queries, as in a vector index, {@link #prepare} them once:
 * the {@link Candidates} hold a copy of the vectors, laid out in the order the kernel reads
 * them, and their squared norms, and {@link #similarities(float[], Candidates, float[])} only
 * computes dot products, one multiply-add per candidate float, reading the copy front to back,
 * so it runs at about the speed the candidates stream from memory.
 * Both forms give the same results bit for bit.
 *
 * <p>A call to {@code similarities} allocates nothing and only reads its inputs. Instances,
 * including {@link Candidates}, are immutable and thread-safe; concurrent calls must use
 * different {@code out} arrays.
 *
 * <pre>{@code
 * CosineSimilarity kernel = new CosineSimilarity(768);
 * float[] out = new float[1000];
 * kernel.similarities(query, candidates, 1000, out);   // candidates.length >= 1000 * 768
 *
 * CosineSimilarity.Candidates index = kernel.prepare(candidates, 1000);   // once
 * kernel.similarities(query, index, out);                                 // per query
 * }</pre>
 */
public final class CosineSimilarity {

    /** Default vector dimension, the size the benchmark measures. */
    public static final int DEFAULT_DIMENSION = 768;

    /** Default number of candidates, the size the benchmark measures. */
    public static final int DEFAULT_CANDIDATES = 1000;

    private static final CosineSimilarityImpl IMPL = implementationForThisJvm();

    private final int dimension;

    /**
     * Creates a kernel for vectors of the given dimension.
     *
     * @param dimension number of components per vector, at least 1
     * @throws IllegalArgumentException if {@code dimension < 1}
     */
    public CosineSimilarity(int dimension) {
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
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(out, "out");
        validateQuery(query);
        validateCandidates(candidates, count);
        validateOut(out, count);
        IMPL.similarities(query, candidates, dimension, count, out);
    }

    /**
     * Copies the first {@code count} candidates and computes their squared norms, once, for
     * {@link #similarities(float[], Candidates, float[])}. Takes time and memory proportional to
     * {@code count * dimension}; later changes to {@code candidates} do not affect the result.
     *
     * @param candidates candidate vectors row-major; at least {@code count * dimension} floats
     * @param count number of candidates, at least 0
     * @return the prepared candidates, usable with every kernel of this dimension
     * @throws IllegalArgumentException if {@code count} or the length is out of range
     * @throws NullPointerException if {@code candidates} is null
     */
    public Candidates prepare(float[] candidates, int count) {
        validateCandidates(candidates, count);
        float[] normsSquared = new float[count];
        for (int c = 0; c < count; c++) {
            normsSquared[c] = IMPL.normSquared(candidates, c * dimension, dimension);
        }
        return new Candidates(dimension, count, IMPL.layout(candidates, dimension, count), normsSquared);
    }

    /**
     * Writes the cosine similarity of {@code query} with each prepared candidate into
     * {@code out[0..prepared.count())}; other entries of {@code out} are left untouched. Same
     * results as {@link #similarities(float[], float[], int, float[])} on the original array.
     *
     * @param query the query vector, exactly {@link #dimension()} components
     * @param prepared candidates from {@link #prepare} of a kernel with this dimension
     * @param out receives the similarities, in [-1, 1]; at least {@code prepared.count()} long
     * @throws IllegalArgumentException if a length or the prepared dimension does not match
     * @throws NullPointerException if an argument is null
     */
    public void similarities(float[] query, Candidates prepared, float[] out) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(out, "out");
        validateQuery(query);
        if (prepared.dimension != dimension) {
            throw new IllegalArgumentException("prepared candidates must have dimension " + dimension
                    + ", had: " + prepared.dimension);
        }
        validateOut(out, prepared.count);
        IMPL.similarities(query, prepared.vectors, prepared.normsSquared, dimension, prepared.count, out);
    }

    /** The shared final step of every implementation, so all give the same answer from the same sums. */
    static float cosine(float dot, float queryNormSquared, float candidateNormSquared) {
        if (queryNormSquared == 0f || candidateNormSquared == 0f) {
            return 0f;
        }
        // The product of two squared norms can overflow float long before either norm does.
        double cosine = dot / Math.sqrt((double) queryNormSquared * candidateNormSquared);
        return (float) Math.max(-1.0, Math.min(1.0, cosine));
    }

    private static CosineSimilarityImpl implementationForThisJvm() {
        // Naming CosineSimilarityVector only behind the check keeps it unloaded without the module.
        if (Kernels.vectorized()) {
            return new CosineSimilarityVector();
        }
        return new CosineSimilarityScalar();
    }

    private void validateQuery(float[] query) {
        if (query.length != dimension) {
            throw new IllegalArgumentException(
                    "query length must equal dimension " + dimension + ", was: " + query.length);
        }
    }

    private static void validateOut(float[] out, int count) {
        if (out.length < count) {
            throw new IllegalArgumentException(
                    "out length must be >= count " + count + ", was: " + out.length);
        }
    }

    private void validateCandidates(float[] candidates, int count) {
        Objects.requireNonNull(candidates, "candidates");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was: " + count);
        }
        long needed = (long) count * dimension;
        if (candidates.length < needed) {
            throw new IllegalArgumentException("candidates length must be >= count * dimension = "
                    + needed + ", was: " + candidates.length);
        }
    }

    /**
     * Candidate vectors prepared by {@link CosineSimilarity#prepare}: a private copy of the
     * vectors ({@code count * dimension} floats, in the order the active implementation reads
     * them) and each one's squared norm, so that scoring a query needs only dot products.
     * Immutable and thread-safe.
     */
    public static final class Candidates {

        private final int dimension;
        private final int count;
        private final float[] vectors;
        private final float[] normsSquared;

        private Candidates(int dimension, int count, float[] vectors, float[] normsSquared) {
            this.dimension = dimension;
            this.count = count;
            this.vectors = vectors;
            this.normsSquared = normsSquared;
        }

        /** @return number of components per vector, at least 1 */
        public int dimension() {
            return dimension;
        }

        /** @return number of candidates, at least 0 */
        public int count() {
            return count;
        }

        /** @return the sizes only, since the vectors are too large to print */
        @Override
        public String toString() {
            return "CosineSimilarity.Candidates[dimension=" + dimension + ", count=" + count + "]";
        }
    }
}

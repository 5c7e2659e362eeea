package dev.perfgate.kernels;

import dev.perfgate.kernels.reference.CosineSimilarityReference;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of {@link CosineSimilarity}: one query against 1000 candidates of dimension
 * 768, seeded inputs, average time per batch in microseconds. The gate's profiles and run plans
 * set forks, warm-up and measurement; the annotations here are for running JMH directly, with a
 * warm-up of 1 s, enough on every vector width and JDK measured (docs/kernels.md, "Warm-up").
 * The forks always get {@code jdk.incubator.vector}, so the optimized kernel runs its Vector API
 * path.
 *
 * <ul>
 *   <li>{@link #batch()}: the optimized kernel on candidates {@linkplain CosineSimilarity#prepare
 *       prepared} once per trial (copied, squared norms precomputed), as a vector index holds
 *       them; each call computes the query norm and 1000 dot products.</li>
 *   <li>{@link #batchReference()}: the plain scalar
 *       {@link CosineSimilarityReference} on the same raw candidates, the yardstick for the
 *       speedup.</li>
 *   <li>{@link #memoryFloor()}: a Vector API sum of the same 3 MB of candidate floats, the
 *       fastest any batch can stream them; the yardstick for how close {@code batch} gets to
 *       the hardware.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class CosineSimilarityBenchmark {

    /** Vector dimension; only the default is benchmarked, so baselines stay comparable. */
    @Param("768")
    public int dim;

    /** Number of candidates scored per call. */
    @Param("1000")
    public int candidates;

    private CosineSimilarity kernel;
    private CosineSimilarityReference reference;
    private CosineSimilarityInput input;
    private CosineSimilarity.Candidates prepared;
    private float[] out;

    /** Builds the seeded inputs and prepares the candidates once per trial, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
        kernel = new CosineSimilarity(dim);
        reference = new CosineSimilarityReference(dim);
        input = CosineSimilarityInput.random(42L, dim, candidates);
        prepared = kernel.prepare(input.candidates(), input.count());
        out = new float[candidates];
        BenchmarkHeap.settle();
    }

    /**
     * Scores every prepared candidate against the query with the optimized kernel.
     *
     * @return the similarities, returned so JMH consumes them and the work cannot be eliminated
     */
    @Benchmark
    public float[] batch() {
        kernel.similarities(input.query(), prepared, out);
        return out;
    }

    /**
     * Scores every candidate against the query with the plain scalar reference.
     *
     * @return the similarities, returned so JMH consumes them and the work cannot be eliminated
     */
    @Benchmark
    public float[] batchReference() {
        reference.similarities(input.query(), input.candidates(), input.count(), out);
        return out;
    }

    /**
     * Sums every candidate float once with the Vector API: the memory floor of {@link #batch()}.
     *
     * @return the sum, returned so JMH consumes it and the work cannot be eliminated
     */
    @Benchmark
    public float memoryFloor() {
        return CosineSimilarityMemoryFloor.sum(input.candidates());
    }
}

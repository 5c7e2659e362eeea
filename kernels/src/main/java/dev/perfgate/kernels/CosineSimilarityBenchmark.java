package dev.perfgate.kernels;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of {@link CosineSimilarity}: one query against 1000 candidates of dimension
 * 768, seeded inputs, average time per batch in microseconds. Forks, warmup and measurement
 * come from the caller (the gate's profile), not from annotations here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class CosineSimilarityBenchmark {

    /** Vector dimension; only the default is benchmarked, so baselines stay comparable. */
    @Param("768")
    public int dim;

    /** Number of candidates scored per call. */
    @Param("1000")
    public int candidates;

    private CosineSimilarity kernel;
    private CosineSimilarityInput input;
    private float[] out;

    /** Builds the seeded inputs once per trial, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
        kernel = new CosineSimilarity(dim);
        input = CosineSimilarityInput.random(42L, dim, candidates);
        out = new float[candidates];
    }

    /**
     * Scores every candidate against the query.
     *
     * @return the similarities, returned so JMH consumes them and the work cannot be eliminated
     */
    @Benchmark
    public float[] batch() {
        kernel.similarities(input.query(), input.candidates(), input.count(), out);
        return out;
    }
}

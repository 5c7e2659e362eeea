package dev.perfgate.kernels;

import dev.perfgate.kernels.reference.SpreadingActivationReference;
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
 * JMH benchmark of {@link SpreadingActivation}: 100 iterations of the default rule from node 0
 * over a seeded random graph of 1000 nodes and 5000 edges, average time per run in
 * microseconds. {@link #spread()} measures the optimized kernel on the graph prepared once in
 * {@link #setUp()} ({@link SpreadingActivation#prepare(CsrGraph)}, outside the measurement, as
 * a caller that reuses a graph would); {@link #spreadReference()} measures the plain scalar
 * reference on the same graph, and {@link #memoryFloor()} the same passes without the
 * arithmetic, so the three are compared within one run. The gate's profiles and run plans set
 * forks, warm-up and measurement; the annotations here are for running JMH directly, with a
 * warm-up of 1 s, enough on every vector width and JDK measured (docs/kernels.md, "Warm-up");
 * the forks always get the Vector API module.
 */
@Fork(jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class SpreadingActivationBenchmark {

    /** Number of nodes; only the default is benchmarked, so baselines stay comparable. */
    @Param("1000")
    public int nodes;

    /** Number of directed edges. */
    @Param("5000")
    public int edges;

    /** Number of update steps per run. */
    @Param("100")
    public int iterations;

    private CsrGraph graph;
    private PreparedGraph prepared;
    private SpreadingActivation kernel;
    private SpreadingActivationReference reference;
    private SpreadingActivationMemoryFloor floor;
    private float[] out;

    /**
     * Builds the seeded graph, its prepared form and the kernels' buffers once per trial,
     * outside the measurement.
     */
    @Setup(Level.Trial)
    public void setUp() {
        graph = CsrGraph.random(42L, nodes, edges);
        prepared = SpreadingActivation.prepare(graph);
        kernel = new SpreadingActivation(nodes);
        reference = new SpreadingActivationReference(nodes);
        floor = new SpreadingActivationMemoryFloor(prepared);
        out = new float[nodes];
        BenchmarkHeap.settle();
    }

    /**
     * Runs one full spreading activation from node 0.
     *
     * @return the final activations, returned so JMH consumes them and the work cannot be
     *     eliminated
     */
    @Benchmark
    public float[] spread() {
        kernel.spread(prepared, 0, iterations, out);
        return out;
    }

    /**
     * Runs the same spreading activation with the plain scalar reference.
     *
     * @return the final activations, returned so JMH consumes them and the work cannot be
     *     eliminated
     */
    @Benchmark
    public float[] spreadReference() {
        reference.spread(graph, 0, iterations, out);
        return out;
    }

    /**
     * The same edge and node passes as {@link #spread()} without the rule's arithmetic
     * ({@link SpreadingActivationMemoryFloor}): the yardstick for how close the kernel gets to
     * the hardware.
     *
     * @return the values of the last pass, returned so JMH consumes the work
     */
    @Benchmark
    public float[] memoryFloor() {
        return floor.run(prepared, iterations);
    }
}

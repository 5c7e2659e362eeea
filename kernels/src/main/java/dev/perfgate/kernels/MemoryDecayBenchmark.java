package dev.perfgate.kernels;

import dev.perfgate.kernels.reference.MemoryDecayReference;
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
 * JMH benchmark of {@link MemoryDecay}: 10,000 seeded items, tau one hour, ages uniform in
 * [0, 5 tau) so factors span [exp(-5), 1]; average time per batch in microseconds.
 * {@link #decay()} measures the optimized kernel, {@link #decayReference()} the plain loop
 * ({@link MemoryDecayReference}) and {@link #memoryFloor()} the same loads and stores with a
 * multiply, on the same inputs, so their ratios come from one run. The gate's profiles and run
 * plans set forks, warm-up and measurement; the annotations here are for running JMH directly,
 * with a warm-up of 1 s, enough on every vector width and JDK measured (docs/kernels.md,
 * "Warm-up"); the forks always get the Vector API module.
 */
@Fork(jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class MemoryDecayBenchmark {

    /** Number of items; only the default is benchmarked, so baselines stay comparable. */
    @Param("10000")
    public int items;

    private MemoryDecay kernel;
    private MemoryDecayReference reference;
    private MemoryDecayInput input;
    private float[] out;

    /** Builds the seeded inputs once per trial, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
        kernel = new MemoryDecay(MemoryDecay.DEFAULT_TAU_SECONDS);
        reference = new MemoryDecayReference(MemoryDecay.DEFAULT_TAU_SECONDS);
        input = MemoryDecayInput.random(42L, items, 5 * MemoryDecay.DEFAULT_TAU_SECONDS);
        out = new float[items];
        BenchmarkHeap.settle();
    }

    /**
     * Decays every item.
     *
     * @return the decayed strengths, returned so JMH consumes them and the work cannot be
     *     eliminated
     */
    @Benchmark
    public float[] decay() {
        kernel.decay(input.strength(), input.ageSeconds(), out);
        return out;
    }

    /**
     * Decays every item with the plain loop, the yardstick for {@link #decay()}.
     *
     * @return the decayed strengths, returned so JMH consumes them
     */
    @Benchmark
    public float[] decayReference() {
        reference.decay(input.strength(), input.ageSeconds(), out);
        return out;
    }

    /**
     * The same loads and stores as {@link #decay()} with one multiply per item
     * ({@link MemoryDecayMemoryFloor}): the yardstick for how close the kernel gets to the
     * hardware.
     *
     * @return the products, returned so JMH consumes them
     */
    @Benchmark
    public float[] memoryFloor() {
        MemoryDecayMemoryFloor.multiply(input.strength(), input.ageSeconds(), out);
        return out;
    }
}

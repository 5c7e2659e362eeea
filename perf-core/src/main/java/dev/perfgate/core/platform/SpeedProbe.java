package dev.perfgate.core.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The host speed probe: a fixed set of short measurements, run as its own JVM with the benchmark
 * JVM's flags by {@link HostDetector}, in under two seconds on a 2-core machine. It depends on
 * nothing but the JDK, so it runs from perf-core's classes alone.
 *
 * <p>Each probe first finds how much work takes about {@value #TRIAL_MILLIS} ms (which also gets
 * the loop compiled), runs {@value #WARMUP_TRIALS} more untimed, then times {@value #TRIALS} trials of that much work and prints the median
 * time per unit and the relative median absolute deviation of the trials:
 * <pre>
 * perfgate-probe scalar_chain=1.15,0.0036 vector_fma=0.0139,0.0469 read_l1=11.5,0.0093 ...
 * perfgate-jvm cores=2 version=17.0.15+6-Debian-1deb12u1
 * </pre>
 * The probes are described in {@link dev.perfgate.core.model.HostSpeed}.
 */
public final class SpeedProbe {

    /** The first word of the output line. */
    public static final String PREFIX = "perfgate-probe";

    /** The first word of the line that describes the JVM: processors it may use and its full version. */
    public static final String JVM_PREFIX = "perfgate-jvm";

    static final int TRIALS = 5;
    static final int TRIAL_MILLIS = 10;
    static final int WARMUP_TRIALS = 2;
    private static final int FMA_LENGTH = 1024;
    private static final int FMA_OFFSETS = 16;

    /** Keeps results alive so the JIT cannot drop the work. */
    private static volatile long sink;

    private SpeedProbe() {
    }

    /**
     * Runs the probes and prints the result line on standard output.
     *
     * @param args names of the probes to run (e.g. {@code scalar_chain}); none: every probe
     */
    public static void main(String[] args) {
        Set<String> only = Set.of(args);
        Map<String, Supplier<double[]>> probes = new LinkedHashMap<>();
        probes.put("scalar_chain", () -> measure(SpeedProbe::chain, 1));
        probes.put("vector_fma", SpeedProbe::fma);
        probes.put("read_l1", () -> read(16 << 10));
        probes.put("read_l2", () -> read(256 << 10));
        probes.put("read_l3", () -> read(4 << 20));
        probes.put("read_memory", () -> read(256 << 20));
        Map<String, double[]> results = new LinkedHashMap<>();
        probes.forEach((name, probe) -> {
            if (only.isEmpty() || only.contains(name)) {
                try {
                    results.put(name, probe.get());
                } catch (OutOfMemoryError e) {
                    // A benchmark JVM with a small -Xmx (read_memory): the other probes still describe the host.
                }
            }
        });
        StringBuilder line = new StringBuilder(PREFIX);
        results.forEach((name, r) -> line.append(' ').append(name).append('=')
                .append(String.format(Locale.ROOT, "%.6g,%.4f", r[0], r[1])));
        System.out.println(line);
        System.out.println(JVM_PREFIX + " cores=" + Runtime.getRuntime().availableProcessors()
                + " version=" + System.getProperty("java.vm.version", "").replace(' ', '_'));
    }

    private static double[] fma() {
        float[] a = new float[FMA_LENGTH + FMA_OFFSETS];
        float[] b = new float[FMA_LENGTH + FMA_OFFSETS];
        float[] c = new float[FMA_LENGTH + FMA_OFFSETS];
        Arrays.fill(a, 0.999f);
        Arrays.fill(b, 0.001f);
        int[] offset = {0};
        // Each call starts at another offset, so that no one alignment of the arrays decides the result.
        return measure(reps -> fma(a, b, c, offset[0]++ % FMA_OFFSETS, reps), FMA_LENGTH * 8.0);
    }

    /** One unit of a probe's work, repeated {@code reps} times. */
    @FunctionalInterface
    private interface Work {
        long run(int reps);
    }

    private static double[] read(int bytes) {
        long[] data = new long[bytes / Long.BYTES];
        // units are KiB: one rep reads the whole array
        return measure(reps -> sum(data, reps), bytes / 1024.0);
    }

    /**
     * Median ns per unit and relative MAD over the trials.
     *
     * @param unitsPerRep units of work one rep does
     */
    private static double[] measure(Work work, double unitsPerRep) {
        int reps = 1;
        while (true) {
            long start = System.nanoTime();
            sink += work.run(reps);
            long took = System.nanoTime() - start;
            if (took >= TRIAL_MILLIS * 1_000_000L || reps >= 1 << 28) {
                break;
            }
            reps = took < TRIAL_MILLIS * 100_000L ? reps * 8 : reps * 2;
        }
        for (int t = 0; t < WARMUP_TRIALS; t++) {
            sink += work.run(reps);
        }
        double[] perUnit = new double[TRIALS];
        for (int t = 0; t < TRIALS; t++) {
            long start = System.nanoTime();
            sink += work.run(reps);
            perUnit[t] = (System.nanoTime() - start) / (reps * unitsPerRep);
        }
        double median = median(perUnit);
        double[] deviations = Arrays.stream(perUnit).map(v -> Math.abs(v - median)).toArray();
        return new double[] {median, median(deviations) / median};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A dependent chain: each step needs the previous one (a 64-bit multiply and an add). */
    private static long chain(int steps) {
        long x = sink | 1;
        for (int i = 0; i < steps; i++) {
            x = x * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        }
        return x;
    }

    /** Independent fused multiply-adds over arrays that stay in L1: the JIT vectorizes the loop. */
    private static long fma(float[] a, float[] b, float[] c, int from, int reps) {
        int to = from + FMA_LENGTH;
        for (int r = 0; r < reps; r++) {
            for (int i = from; i < to; i++) {
                float x = c[i];
                float m = a[i];
                float k = b[i];
                x = Math.fma(x, m, k);
                x = Math.fma(x, m, k);
                x = Math.fma(x, m, k);
                x = Math.fma(x, m, k);
                x = Math.fma(x, m, k);
                x = Math.fma(x, m, k);
                x = Math.fma(x, m, k);
                x = Math.fma(x, m, k);
                c[i] = x;
            }
        }
        return (long) c[from];
    }

    /** Sums with four independent accumulators, so that loads, not the adds' latency, set the pace. */
    private static long sum(long[] data, int reps) {
        long total = 0;
        for (int r = 0; r < reps; r++) {
            long s0 = 0;
            long s1 = 0;
            long s2 = 0;
            long s3 = 0;
            for (int i = 0; i < data.length; i += 4) {
                s0 += data[i];
                s1 += data[i + 1];
                s2 += data[i + 2];
                s3 += data[i + 3];
            }
            total += s0 + s1 + s2 + s3;
        }
        return total;
    }
}

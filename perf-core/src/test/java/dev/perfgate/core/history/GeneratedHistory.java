package dev.perfgate.core.history;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Histories of daily runs as {@code perf-gate record} writes them, with {@code -prof gc}: each benchmark
 * has its primary score and the secondary metrics gc.alloc.rate, gc.alloc.rate.norm and gc.count, each
 * with forks x iterations samples, and each run the host identity of a CI runner. Scores have 2% noise
 * between iterations and 1% between forks; from {@code stepDay} on, every benchmark is {@code step}
 * slower.
 */
final class GeneratedHistory {

    static final PlatformKey LINUX = PlatformKey.parse("linux-x86_64");
    static final Instant START = Instant.parse("2025-01-01T03:00:00Z");
    static final Fingerprint FINGERPRINT = new Fingerprint("AMD EPYC 9R14 96-Core Processor", 4, "Eclipse Adoptium",
            "17.0.15", List.of("-Xmx2g", "-XX:+UseG1GC"), "Linux", "6.8.0-1021-azure");
    static final HostIdentity HOST = host();

    private final int benchmarks;
    private final int forks;
    private final int iterations;
    private final int stepDay;
    private final double step;

    GeneratedHistory(int benchmarks, int forks, int iterations, int stepDay, double step) {
        this.benchmarks = benchmarks;
        this.forks = forks;
        this.iterations = iterations;
        this.stepDay = stepDay;
        this.step = step;
    }

    private static HostIdentity host() {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String flag : HostIdentity.FLAGS) {
            flags.put(flag, switch (flag) {
                case "UseAVX" -> "2";
                case "UseSSE" -> "4";
                case "MaxVectorSize" -> "32";
                case "MaxHeapSize" -> "2147483648";
                case "InitialHeapSize" -> "264241152";
                case "ObjectAlignmentInBytes" -> "8";
                case "UseSVE" -> "0";
                case "UseG1GC", "UseFMA", "UseSuperWord", "UseCompressedOops", "TieredCompilation" -> "true";
                default -> "false";
            });
        }
        Map<String, HostSpeed.Probe> probes = new LinkedHashMap<>();
        String[] names = {"scalar_chain", "vector_fma", "read_l1", "read_l2", "read_l3", "read_memory"};
        for (int i = 0; i < names.length; i++) {
            probes.put(names[i], new HostSpeed.Probe(0.251234 * (i + 1), 0.0123));
        }
        return new HostIdentity(new HostClass(LINUX, List.of("avx", "avx2", "bmi1", "bmi2", "fma", "sse4.2"), 256, 4,
                17), "17.0.15+6-LTS", flags, "L1d 32 KiB, L2 1 MiB, L3 32 MiB", new HostSpeed(probes));
    }

    static String runId(int day) {
        return String.format(Locale.ROOT, "run-%05d", day);
    }

    /** The run of day {@code day}. */
    Run run(int day) {
        Random random = new Random(day * 7919L + 17);
        List<BenchmarkResult> results = new ArrayList<>();
        double factor = day >= stepDay ? 1 + step : 1;
        for (int k = 0; k < benchmarks; k++) {
            BenchmarkId id = BenchmarkId.of(String.format(Locale.ROOT, "dev.perfgate.kernels.Kernel%02dBenchmark.run",
                    k), Mode.AVERAGE_TIME, Map.of("size", Integer.toString(1000 * (k % 4 + 1)), "dim", "768"));
            Map<String, Measurement> secondary = new LinkedHashMap<>();
            secondary.put("gc.alloc.rate", measurement("MB/sec", 0.00562 * (k + 1), 0.02, 0.01, random));
            secondary.put("gc.alloc.rate.norm", measurement("B/op", 4.51 * (k + 1), 0.03, 0.01, random));
            secondary.put("gc.count", measurement("counts", 0, 0, 0, random));
            results.add(new BenchmarkResult(id, measurement("us/op", 95.0 * (k + 1) * factor, 0.02, 0.01, random),
                    secondary, RunSettings.UNKNOWN));
        }
        return new Run(runId(day), START.plus(Duration.ofDays(day)), String.format(Locale.ROOT, "%040x", day * 104729L),
                "main", LINUX, FINGERPRINT, HOST, results);
    }

    private Measurement measurement(String unit, double level, double iterationNoise, double forkNoise, Random random) {
        List<List<Double>> samples = new ArrayList<>();
        double sum = 0;
        for (int f = 0; f < forks; f++) {
            double forkLevel = level * (1 + forkNoise * random.nextGaussian());
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                double v = forkLevel * (1 + iterationNoise * random.nextGaussian());
                values.add(v);
                sum += v;
            }
            samples.add(values);
        }
        double score = sum / (forks * iterations);
        return new Measurement(unit, score, score * 0.01, samples);
    }

    /**
     * Writes days {@code 0..days-1} with the codec, one run a day, and an approval of the runs of the
     * days in {@code approvedDays} right after each.
     */
    void write(Path file, int days, List<Integer> approvedDays) throws IOException {
        HistoryCodec codec = new HistoryCodec();
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int day = 0; day < days; day++) {
                Run run = run(day);
                out.write(codec.write(new HistoryRecord.RunRecord(run)));
                out.write('\n');
                if (approvedDays.contains(day)) {
                    out.write(codec.write(new HistoryRecord.ApprovalRecord(run.timestamp().plusSeconds(60), "alice",
                            "accepted", run.commit(), run.runId(), run.results().stream().map(BenchmarkResult::id)
                            .toList())));
                    out.write('\n');
                }
            }
        }
    }
}

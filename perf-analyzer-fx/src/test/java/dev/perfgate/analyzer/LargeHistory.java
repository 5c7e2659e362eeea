package dev.perfgate.analyzer;

import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.core.history.HistoryCodec;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a large synthetic history in perf-core's format, for timing the analyzer: {@code runs}
 * runs of {@code benchmarks} benchmarks with {@code forks x iterations} samples each (seeded, so
 * every call writes the same file). Benchmark 0 steps up by 10% halfway.
 */
public final class LargeHistory {

    private LargeHistory() {
    }

    public static Path write(Path file, int runs, int benchmarks, int forks, int iterations) throws IOException {
        Files.createDirectories(file.getParent());
        HistoryCodec codec = new HistoryCodec();
        Random random = new Random(42);
        List<BenchmarkId> ids = new ArrayList<>();
        for (int b = 0; b < benchmarks; b++) {
            ids.add(BenchmarkId.of("com.example.bench.Kernel" + (b / 5) + "Benchmark.op" + (b % 5),
                    Mode.AVERAGE_TIME, Map.of("size", String.valueOf(100 * (1 + b % 3)))));
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int r = 0; r < runs; r++) {
                List<BenchmarkResult> results = new ArrayList<>(benchmarks);
                for (int b = 0; b < benchmarks; b++) {
                    double level = (10 + b) * (b == 0 && r >= runs / 2 ? 1.1 : 1.0);
                    List<List<Double>> samples = new ArrayList<>(forks);
                    double sum = 0;
                    for (int f = 0; f < forks; f++) {
                        List<Double> fork = new ArrayList<>(iterations);
                        double forkLevel = level * (1 + 0.02 * random.nextGaussian());
                        for (int i = 0; i < iterations; i++) {
                            double v = forkLevel * (1 + 0.01 * random.nextGaussian());
                            fork.add(v);
                            sum += v;
                        }
                        samples.add(fork);
                    }
                    double score = sum / (forks * iterations);
                    results.add(new BenchmarkResult(ids.get(b), new Measurement("us/op", score, score * 0.01,
                            samples), Map.of(), RunSettings.UNKNOWN));
                }
                Run run = new Run("run-" + r, ProjectFixtures.START.plus(Duration.ofMinutes(30L * r)),
                        Long.toHexString(0x1000000L + r * 7919L), "main", ProjectFixtures.PLATFORM,
                        ProjectFixtures.FINGERPRINT, null, results);
                out.write(codec.write(new HistoryRecord.RunRecord(run)));
                out.write('\n');
            }
        }
        return file;
    }
}

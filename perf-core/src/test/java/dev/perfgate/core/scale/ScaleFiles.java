package dev.perfgate.core.scale;

import dev.perfgate.core.history.HistoryCodec;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Large inputs for the scale checks: a JMH results file of many benchmarks, made of copies of a
 * real JMH element (the fixture's {@code AllocBenchmark.allocate} with {@code -prof gc}, 3 forks)
 * under new names, and a history of many runs.
 */
public final class ScaleFiles {

    /** The three bundled kernels' names, one run of each per history line. */
    public static final List<String> KERNELS = List.of("dev.perfgate.kernels.CosineSimilarityBenchmark.batch",
            "dev.perfgate.kernels.MemoryDecayBenchmark.decay", "dev.perfgate.kernels.SpreadingActivationBenchmark.spread");

    private ScaleFiles() {
    }

    /** Writes a JMH JSON array of {@code benchmarks} elements. */
    public static void results(Path file, int benchmarks) throws IOException {
        String element;
        try (InputStream in = ScaleFiles.class.getResourceAsStream("/jmh/gc-params-forks.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = text.lastIndexOf("\n    {", text.indexOf("AllocBenchmark.allocate"));
            int end = text.indexOf("\n    }", start) + 6;
            element = text.substring(start + 1, end);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < benchmarks; i++) {
                out.write(element.replace("AllocBenchmark.allocate\"", "AllocBenchmark.allocate" + i + "\""));
                out.write(i + 1 < benchmarks ? ",\n" : "\n");
            }
            out.write("]\n");
        }
    }

    /**
     * Writes a history of {@code lines} runs of the three kernels, 5 forks x 4 iterations each, as
     * perfgate writes them; the scores drift slowly so a trend has something to show.
     */
    public static void history(Path file, int lines) throws IOException {
        HistoryCodec codec = new HistoryCodec();
        Fingerprint fingerprint = new Fingerprint("AMD EPYC", 2, "Debian", "17.0.15", List.of(), "Linux", "6");
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 0; n < lines; n++) {
                List<BenchmarkResult> results = new ArrayList<>();
                for (int k = 0; k < KERNELS.size(); k++) {
                    double level = 50 * (k + 1) * (1 + 0.1 * Math.sin(n / 5000.0));
                    List<List<Double>> forks = new ArrayList<>();
                    for (int f = 0; f < 5; f++) {
                        forks.add(List.of(level + f * 0.1, level + f * 0.1 + 0.01, level - 0.01, level));
                    }
                    results.add(new BenchmarkResult(BenchmarkId.of(KERNELS.get(k), Mode.AVERAGE_TIME, Map.of()),
                            new Measurement("us/op", level, 0.5, forks), Map.of(), RunSettings.UNKNOWN));
                }
                Run run = new Run(String.format(Locale.ROOT, "run-%07d", n), start.plusSeconds(600L * n),
                        String.format(Locale.ROOT, "%040x", n), "main", PlatformKey.parse("linux-x86_64"), fingerprint,
                        null, results);
                out.write(codec.write(new HistoryRecord.RunRecord(run)));
                out.write('\n');
            }
        }
    }
}

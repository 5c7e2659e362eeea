package dev.perfgate.analyzer;

import dev.perfgate.analyzer.history.FastHistoryReader;
import dev.perfgate.analyzer.history.HistoryIndex;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times loading a generated history of 10,000 runs x 50 benchmarks (not a unit test: run it by hand,
 * see docs/analyzer.md). Arguments: [forks] [iterations] [directory].
 */
public final class LoadTiming {

    private LoadTiming() {
    }

    public static void main(String[] args) throws Exception {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("perf-analyzer-timing");
        Path file = dir.resolve("history").resolve("linux-x86_64.jsonl");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            LargeHistory.write(file, 10_000, 50, forks, iterations);
            System.out.printf("generated %s (%d MB) in %.1f s%n", file, Files.size(file) >> 20,
                    (System.nanoTime() - t0) / 1e9);
        }
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            HistoryIndex index = new FastHistoryReader().read(file);
            System.out.printf("fast read: %d runs, %d series in %.0f ms%n", index.runs().size(), index.series().size(),
                    (System.nanoTime() - t0) / 1e6);
        }
    }
}

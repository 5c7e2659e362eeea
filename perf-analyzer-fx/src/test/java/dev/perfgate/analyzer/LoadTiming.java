package dev.perfgate.analyzer;

import dev.perfgate.core.history.HistoryReader;
import dev.perfgate.core.history.HistoryIndex;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times loading a generated history of 10,000 runs x 50 benchmarks (not a unit test: run it by hand,
 * see docs/analyzer.md). Arguments: [forks] [iterations] [directory] [warm-up runs]; with
 * {@code -Dtiming.perfCore=true} it times perf-core's {@code Trends.read} on the same file instead.
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
        if (args.length > 3) {
            Path small = LargeHistory.write(dir.resolve("warm").resolve("h.jsonl"), Integer.parseInt(args[3]), 50, forks,
                    iterations);
            long t0 = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                new HistoryReader().index(small);
            }
            System.out.printf("warm-up on %d MB x 3 in %.0f ms%n", Files.size(small) >> 20, (System.nanoTime() - t0) / 1e6);
        }
        if (Boolean.getBoolean("timing.perfCore")) {
            long t0 = System.nanoTime();
            var result = new dev.perfgate.core.history.Trends(new dev.perfgate.core.history.HistoryStore(dir,
                    java.time.Clock.systemUTC()), dev.perfgate.core.history.ChangePoints.defaults())
                    .read(file, id -> true, 0);
            System.out.printf("perf-core Trends.read (full records, change points of every benchmark): %d trends in %.0f ms%n",
                    result.trends().size(), (System.nanoTime() - t0) / 1e6);
            return;
        }
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            HistoryIndex index = new HistoryReader().index(file);
            System.out.printf("fast read: %d runs, %d series in %.0f ms%n", index.runs().size(), index.series().size(),
                    (System.nanoTime() - t0) / 1e6);
        }
    }
}

package dev.perfgate.analyzer.project;

import dev.perfgate.core.model.BenchmarkResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A JMH results file the user opened, e.g. {@code target/perf-gate/results.json}.
 *
 * @param file    where it was read from
 * @param results its benchmarks, as {@link dev.perfgate.core.jmh.JmhJsonReader} read them
 */
public record ResultsFile(Path file, List<BenchmarkResult> results) {

    public ResultsFile {
        Objects.requireNonNull(file, "file");
        results = List.copyOf(results);
    }

    /** The file name, for lists. */
    public String label() {
        return String.valueOf(file.getFileName());
    }
}

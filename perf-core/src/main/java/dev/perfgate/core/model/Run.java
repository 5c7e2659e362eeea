package dev.perfgate.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One benchmark run as the history keeps it: who, when, on what, and every benchmark's result.
 *
 * @param runId       unique id of the run, non-blank
 * @param timestamp   when the run finished
 * @param commit      VCS commit the code was built from; empty when unknown
 * @param branch      VCS branch; empty when unknown
 * @param platform    platform key
 * @param fingerprint machine and JVM
 * @param results     the benchmarks' results, in the order they ran
 */
public record Run(String runId, Instant timestamp, String commit, String branch, PlatformKey platform,
                  Fingerprint fingerprint, List<BenchmarkResult> results) {

    public Run {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (runId.isBlank()) {
            throw new IllegalArgumentException("runId must not be blank");
        }
        commit = commit == null ? "" : commit;
        branch = branch == null ? "" : branch;
        results = List.copyOf(results);
    }
}

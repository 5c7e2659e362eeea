package dev.perfgate.core.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One benchmark run as the history keeps it: who, when, on what, and every benchmark's result.
 *
 * @param runId       unique id of the run, non-blank
 * @param timestamp   when the run finished
 * @param commit      VCS commit the code was built from; empty when unknown
 * @param branch      VCS branch; empty when unknown
 * @param platform    platform key
 * @param fingerprint machine and JVM
 * @param host        the host identity the results were measured with; null for runs recorded before
 *                    perf-gate recorded host classes
 * @param results     the benchmarks' results, in the order they ran
 */
public record Run(String runId, Instant timestamp, String commit, String branch, PlatformKey platform,
                  Fingerprint fingerprint, HostIdentity host, List<BenchmarkResult> results) {

    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

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

    /**
     * A run of results measured now, with a new id: the time in whole seconds (as ids and history
     * lines show it) and six random hex digits, e.g. {@code 20261127T031500Z-3fa2c1}.
     */
    public static Run measured(Instant now, String commit, String branch, PlatformKey platform,
                               Fingerprint fingerprint, HostIdentity host, List<BenchmarkResult> results) {
        Instant time = now.truncatedTo(ChronoUnit.SECONDS);
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return new Run(RUN_ID_TIME.format(time) + "-" + HexFormat.of().formatHex(random), time, commit, branch,
                platform, fingerprint, host, results);
    }
}

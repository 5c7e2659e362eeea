package dev.perfgate.core.baseline;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.stats.Noise;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reviewed baseline of one platform: {@code baselines/<platform>.json}.
 *
 * @param version     schema version of the file
 * @param platform    platform key
 * @param fingerprint machine and JVM of the most recent approval
 * @param timestamp   time of the most recent approval
 * @param entries     one entry per benchmark; kept sorted by identity, identities unique
 */
public record Baseline(int version, PlatformKey platform, Fingerprint fingerprint, Instant timestamp,
                       List<BaselineEntry> entries) {

    /** The schema version this perfgate writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    public Baseline {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(timestamp, "timestamp");
        entries = entries.stream().sorted(Comparator.comparing(BaselineEntry::id)).toList();
        Set<BenchmarkId> ids = new HashSet<>();
        for (BaselineEntry e : entries) {
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("benchmark " + e.id() + " appears twice");
            }
        }
    }

    /** The entry of a benchmark. */
    public Optional<BaselineEntry> find(BenchmarkId id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Every entry as a benchmark result, for comparison with a run. */
    public List<BenchmarkResult> asResults() {
        return entries.stream().map(BaselineEntry::asResult).toList();
    }

    /** The calibrated noise of the benchmarks that have it. */
    public Map<BenchmarkId, Noise> noise() {
        Map<BenchmarkId, Noise> out = new HashMap<>();
        entries.stream().filter(e -> e.noise() != null).forEach(e -> out.put(e.id(), e.noise()));
        return out;
    }

    /** Per-benchmark thresholds in percent, for the benchmarks that set one. */
    public Map<BenchmarkId, Double> thresholds() {
        Map<BenchmarkId, Double> out = new HashMap<>();
        entries.stream().filter(e -> e.thresholdPct() != null).forEach(e -> out.put(e.id(), e.thresholdPct()));
        return out;
    }
}

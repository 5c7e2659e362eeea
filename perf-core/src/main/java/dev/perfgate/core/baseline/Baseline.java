package dev.perfgate.core.baseline;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostIdentity;
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
 * The reviewed baseline of one host class of a platform: one entry set of
 * {@code baselines/<platform>.json} (see {@link BaselineFile}).
 *
 * @param platform    platform key
 * @param host        the identity of the host of the most recent approval, whose class this set is
 *                    for; null for a set recorded before perf-gate recorded host classes (its class is unknown)
 * @param fingerprint machine and JVM of the most recent approval
 * @param timestamp   time of the most recent approval
 * @param entries     one entry per benchmark; kept sorted by identity, identities unique
 */
public record Baseline(PlatformKey platform, HostIdentity host, Fingerprint fingerprint, Instant timestamp,
                       List<BaselineEntry> entries) {

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

    /** Whether this set's host class is known and equal to the given identity's. */
    public boolean isFor(HostIdentity other) {
        return host != null && other != null && host.hostClass().equals(other.hostClass());
    }

    /** Whether both sets are of the same host class, or both of unknown class. */
    public boolean sameClassAs(Baseline other) {
        return host == null ? other.host == null
                : other.host != null && host.hostClass().equals(other.host.hostClass());
    }

    /** The host class's description, or a sentence saying it is unknown. */
    public String hostLabel() {
        return host == null ? "host class unknown (recorded before perf-gate recorded host classes)"
                : host.hostClass().label();
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

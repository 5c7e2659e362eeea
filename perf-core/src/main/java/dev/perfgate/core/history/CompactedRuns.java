package dev.perfgate.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;
import dev.perfgate.core.json.JsonPath;
import dev.perfgate.core.json.ModelJson;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs whose per-fork samples {@code perf-gate history compact} dropped, and their history line. A
 * compacted run keeps what a trend and a reader of old runs need: identity, time, commit, branch,
 * platform; the host class; per benchmark its identity, unit, score, score error, forks and
 * iterations, and its allocation ({@value BenchmarkResult#ALLOCATION_METRIC}) with unit, score and
 * error. It drops the samples, the other secondary metrics, the host's details (JDK build, JVM flags,
 * caches, speed probe) and, where the run has a host class, the fingerprint; a run recorded without
 * a host class keeps its fingerprint, its only description of the machine.
 *
 * <p>The line carries {@code "compacted":true} and, when the run has benchmarks, the {@code forks}
 * and {@code iterations} most of them had; a benchmark has {@code forks} and {@code iterations} of
 * its own only where they differ from the run's, and its allocation only where they differ from
 * the benchmark's. The host is written as its {@code class} (and any detail a caller left in).
 *
 * <p>The line is schema version {@value HistoryCodec#COMPACTED_SCHEMA_VERSION}: a release that reads
 * only version 1 refuses it by naming the release it needs.
 */
public final class CompactedRuns {

    private static final Fingerprint NO_FINGERPRINT = new Fingerprint("", 0, "", "", List.of(), "", "");

    private CompactedRuns() {
    }

    /** Whether any measurement of the run has samples: only such a run has anything to compact. */
    public static boolean hasSamples(Run run) {
        return run.results().stream().anyMatch(r -> !r.primary().forks().isEmpty()
                || r.secondary().values().stream().anyMatch(m -> !m.forks().isEmpty()));
    }

    /**
     * The run as compaction keeps it: every benchmark's primary metric and allocation
     * {@link Measurement#withoutSamples()}, the other secondary metrics dropped, the host reduced to
     * its class, and the fingerprint dropped (empty) when there is a host class.
     */
    public static Run compact(Run run) {
        HostIdentity host = run.host() == null ? null
                : new HostIdentity(run.host().hostClass(), "", Map.of(), "", null);
        return new Run(run.runId(), run.timestamp(), run.commit(), run.branch(), run.platform(),
                host == null ? run.fingerprint() : NO_FINGERPRINT, host,
                run.results().stream().map(CompactedRuns::compact).toList());
    }

    private static BenchmarkResult compact(BenchmarkResult r) {
        Map<String, Measurement> secondary = new LinkedHashMap<>();
        r.allocation().ifPresent(m -> secondary.put(BenchmarkResult.ALLOCATION_METRIC, m.withoutSamples()));
        return new BenchmarkResult(r.id(), r.primary().withoutSamples(), secondary, r.settings());
    }

    /**
     * Whether the run is compacted: every measurement of it is, or none.
     *
     * @throws IllegalArgumentException when only some are: a run is compacted whole
     */
    public static boolean isCompacted(Run run) {
        long all = run.results().stream().mapToLong(r -> 1 + r.secondary().size()).sum();
        long compacted = run.results().stream().mapToLong(r -> (r.primary().compacted() ? 1 : 0)
                + r.secondary().values().stream().filter(Measurement::compacted).count()).sum();
        if (compacted != 0 && compacted != all) {
            throw new IllegalArgumentException("run " + run.runId() + " has compacted and whole measurements: "
                    + "a run is compacted whole");
        }
        return compacted != 0;
    }

    /**
     * The counts most benchmarks of a compacted run have (the first of them on a tie), written once
     * for the run; null without benchmarks.
     */
    static Measurement.Summary common(Run run) {
        Map<Measurement.Summary, Integer> counts = new HashMap<>();
        Measurement.Summary best = null;
        int most = 0;
        for (BenchmarkResult r : run.results()) {
            Measurement.Summary s = r.primary().summary();
            int n = counts.merge(s, 1, Integer::sum);
            if (n > most) {
                most = n;
                best = s;
            }
        }
        return best;
    }

    /** Writes the run's {@code forks} and {@code iterations} ({@link #common}) into the line's object. */
    static void putCommon(ObjectNode node, Measurement.Summary common) {
        if (common != null) {
            node.put("forks", common.forks());
            node.put("iterations", common.iterations());
        }
    }

    /** Reads the run's {@code forks} and {@code iterations}: null when it has neither. */
    static Measurement.Summary readCommon(JsonPath path, JsonNode node) throws InputException {
        JsonNode forks = node.get("forks");
        JsonNode iterations = node.get("iterations");
        if ((forks == null || forks.isNull()) && (iterations == null || iterations.isNull())) {
            return null;
        }
        return ModelJson.readCounts(path, "$", node);
    }

    /**
     * Writes a compacted benchmark's measurements into its object, which holds its identity.
     *
     * @param common the run's counts, which the benchmark's primary metric inherits when it has the same
     */
    static void put(ObjectNode node, BenchmarkResult result, Measurement.Summary common) {
        Measurement primary = result.primary();
        ModelJson.putSummary(node, primary, common, null);
        if (!result.secondary().isEmpty()) {
            ObjectNode secondary = node.putObject("secondary");
            result.secondary().forEach((name, m) -> ModelJson.putSummary(secondary.putObject(name), m,
                    primary.summary(), impliedUnit(name)));
        }
    }

    /**
     * The unit a compacted metric's line may leave out: the allocation's, which JMH always gives in
     * bytes per operation; null for every other metric.
     */
    private static String impliedUnit(String metric) {
        return metric.equals(BenchmarkResult.ALLOCATION_METRIC) ? BenchmarkResult.ALLOCATION_UNIT : null;
    }

    /** The run's {@code compacted} flag: absent, null or false for a run with its samples. */
    static boolean flag(JsonPath path, JsonNode node) throws InputException {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw path.error("$.compacted", "expected true or false, found " + JsonPath.describe(node));
        }
        return node.booleanValue();
    }

    /**
     * Reads the measurements of a compacted benchmark's object.
     *
     * @param common the run's counts ({@link #readCommon}); null when the benchmark must have its own
     */
    static BenchmarkResult read(JsonPath path, String at, JsonNode node, BenchmarkId id, Measurement.Summary common)
            throws InputException {
        Measurement primary = ModelJson.readSummary(path, at, node, common, null);
        Map<String, Measurement> secondary = new LinkedHashMap<>();
        JsonNode sec = node.get("secondary");
        if (sec != null && !sec.isNull()) {
            path.requireObject(at + ".secondary", sec);
            var fields = sec.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                secondary.put(field.getKey(), ModelJson.readSummary(path,
                        at + ".secondary[" + JsonPath.quote(field.getKey()) + "]", field.getValue(),
                        primary.summary(), impliedUnit(field.getKey())));
            }
        }
        return new BenchmarkResult(id, primary, secondary, RunSettings.UNKNOWN);
    }
}

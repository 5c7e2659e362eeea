package dev.perfgate.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;
import dev.perfgate.core.json.JsonPath;
import dev.perfgate.core.json.ModelJson;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs whose per-fork samples {@code perf-gate history compact} dropped, and their history line: the
 * run carries {@code "compacted":true}; each benchmark keeps {@code unit}, {@code score} and
 * {@code score_error} and has {@code forks} and {@code iterations} instead of {@code samples}; each
 * secondary metric keeps {@code unit}, {@code score} and {@code score_error}, and has its own
 * {@code forks} and {@code iterations} only where they differ from its benchmark's. Everything else
 * of the line (identity, time, commit, branch, platform, fingerprint, host) is as before.
 *
 * <p>A reader that does not know the flag (perf-gate 0.2.0 and older) reads such a run as one whose
 * source held only scores: the same scores, errors and units, no samples.
 */
public final class CompactedRuns {

    private CompactedRuns() {
    }

    /** Whether any measurement of the run has samples: only such a run has anything to compact. */
    public static boolean hasSamples(Run run) {
        return run.results().stream().anyMatch(r -> !r.primary().forks().isEmpty()
                || r.secondary().values().stream().anyMatch(m -> !m.forks().isEmpty()));
    }

    /** The run without samples: every measurement {@link Measurement#withoutSamples()}, all else as it is. */
    public static Run compact(Run run) {
        return new Run(run.runId(), run.timestamp(), run.commit(), run.branch(), run.platform(), run.fingerprint(),
                run.host(), run.results().stream().map(CompactedRuns::compact).toList());
    }

    private static BenchmarkResult compact(BenchmarkResult r) {
        Map<String, Measurement> secondary = new LinkedHashMap<>();
        r.secondary().forEach((name, m) -> secondary.put(name, m.withoutSamples()));
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

    /** Writes a compacted benchmark's measurements into its object, which holds its identity. */
    static void put(ObjectNode node, BenchmarkResult result) {
        Measurement primary = result.primary();
        ModelJson.putSummary(node, primary, null);
        if (!result.secondary().isEmpty()) {
            ObjectNode secondary = node.putObject("secondary");
            result.secondary().forEach((name, m) -> ModelJson.putSummary(secondary.putObject(name), m,
                    primary.summary()));
        }
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

    /** Reads the measurements of a compacted benchmark's object. */
    static BenchmarkResult read(JsonPath path, String at, JsonNode node, BenchmarkId id) throws InputException {
        Measurement primary = ModelJson.readSummary(path, at, node, null);
        Map<String, Measurement> secondary = new LinkedHashMap<>();
        JsonNode sec = node.get("secondary");
        if (sec != null && !sec.isNull()) {
            path.requireObject(at + ".secondary", sec);
            var fields = sec.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                secondary.put(field.getKey(), ModelJson.readSummary(path,
                        at + ".secondary[" + JsonPath.quote(field.getKey()) + "]", field.getValue(),
                        primary.summary()));
            }
        }
        return new BenchmarkResult(id, primary, secondary, RunSettings.UNKNOWN);
    }
}

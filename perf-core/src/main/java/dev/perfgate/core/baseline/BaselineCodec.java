package dev.perfgate.core.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;
import dev.perfgate.core.json.JsonErrors;
import dev.perfgate.core.json.HostJson;
import dev.perfgate.core.json.JsonPath;
import dev.perfgate.core.json.ModelJson;
import dev.perfgate.core.json.SchemaVersion;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.stats.Noise;
import dev.perfgate.core.stats.RunPlan;
import dev.perfgate.core.stats.VarianceComponents;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The baseline file format: pretty-printed JSON, one entry set per host class, keys in a fixed
 * order, benchmarks sorted by identity, numbers with {@value ModelJson#SIGNIFICANT_DIGITS} significant digits, {@code \n}
 * line ends and a final newline, so that approving one benchmark changes only that benchmark's
 * lines (and its set's timestamp, fingerprint and host). See docs/file-formats.md for the fields.
 */
public final class BaselineCodec {

    private final ObjectMapper mapper = ModelJson.mapper();

    /** The file's text (always the current schema version). */
    public String write(BaselineFile file) {
        ObjectNode root = ModelJson.object();
        SchemaVersion.put(root, "version", BaselineFile.SCHEMA_VERSION);
        root.put("platform", file.platform().toString());
        ArrayNode sets = root.putArray("host_classes");
        for (Baseline baseline : file.sets()) {
            ObjectNode set = sets.addObject();
            if (baseline.host() != null) {
                set.set("host", HostJson.write(baseline.host()));
            } else {
                set.putNull("host");
            }
            set.put("cpu", baseline.fingerprint().cpuModel());
            set.put("timestamp", baseline.timestamp().toString());
            set.set("fingerprint", ModelJson.fingerprint(baseline.fingerprint()));
            ArrayNode entries = set.putArray("baselines");
            for (BaselineEntry e : baseline.entries()) {
                entries.add(entry(e));
            }
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return mapper.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode entry(BaselineEntry e) {
        ObjectNode node = ModelJson.object();
        ModelJson.putId(node, e.id());
        Measurement m = e.primary();
        node.put("unit", m.unit());
        node.set("score", ModelJson.number(m.score()));
        node.set("score_error", ModelJson.number(m.scoreError()));
        double[] forkMeans = new Measurement(m.unit(), m.score(), m.scoreError(), m.forks().stream()
                .map(fork -> fork.stream().map(ModelJson::round).toList()).toList()).forkMeans();
        node.set("mean", ModelJson.number(mean(forkMeans)));
        node.set("std_dev", ModelJson.number(stdDev(forkMeans)));
        node.put("sample_size", forkMeans.length);
        node.put("forks", m.forks().size());
        node.put("iterations", m.iterationsPerFork());
        node.set("samples", ModelJson.samples(m.forks()));
        if (e.allocation() != null) {
            ObjectNode alloc = node.putObject("allocation");
            ModelJson.putMeasurement(alloc, e.allocation());
        }
        if (e.thresholdPct() != null) {
            node.set("threshold_pct", ModelJson.number(e.thresholdPct()));
        }
        if (e.noise() != null) {
            ObjectNode noise = node.putObject("noise");
            noise.set("fork_log_sd", ModelJson.number(e.noise().forkLogSd()));
            noise.set("run_log_sd", ModelJson.number(e.noise().runLogSd()));
            noise.put("runs", e.noise().runs());
            noise.put("forks", e.noise().forks());
            noise.put("calibrated_at", e.noise().calibratedAt().toString());
            VarianceComponents model = e.noise().components();
            if (model != null) {
                noise.set("iteration_log_sd", ModelJson.number(model.iterationLogSd()));
                noise.set("iteration_lag1", ModelJson.number(model.iterationLag1()));
                noise.set("fork_component_log_sd", ModelJson.number(model.forkComponentLogSd()));
                noise.put("iterations", model.iterations());
            }
        }
        if (e.plan() != null) {
            ObjectNode plan = node.putObject("plan");
            plan.put("forks", e.plan().forks());
            plan.put("warmup_iterations", e.plan().warmupIterations());
            plan.put("iterations", e.plan().iterations());
            plan.put("iteration_time", e.plan().jmhIterationTime());
            plan.set("fork_log_sd", ModelJson.number(e.plan().forkLogSd()));
            plan.set("fork_cost_s", ModelJson.number(e.plan().forkCostSeconds()));
            plan.set("expected_s", ModelJson.number(e.plan().expectedSeconds()));
            plan.set("detects_pct", ModelJson.number(e.plan().detects() * 100));
        }
        ObjectNode approval = node.putObject("approval");
        approval.put("approved_at", e.approval().approvedAt().toString());
        approval.put("approved_by", e.approval().approvedBy());
        approval.put("reason", e.approval().reason());
        approval.put("commit", e.approval().commit());
        approval.put("run_id", e.approval().runId());
        return node;
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN
                : new org.apache.commons.math3.stat.descriptive.moment.Mean().evaluate(values);
    }

    private static double stdDev(double[] values) {
        return values.length < 2 ? Double.NaN
                : new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(values);
    }

    /**
     * Parses a baseline file's text: the current schema version, or version 1 (one entry set, whose
     * host class is unknown).
     *
     * @param source the file, for messages
     */
    public BaselineFile read(String source, String text) throws InputException {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw JsonErrors.syntax(source, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(source, null, "is empty, expected a perfgate baseline file");
        }
        JsonPath path = new JsonPath(source);
        path.requireObject("$", root);
        int version = SchemaVersion.read(path, "$", root, "version", BaselineFile.SCHEMA_VERSION);
        PlatformKey platform = ModelJson.readPlatform(path, "$.platform", root.get("platform"));
        if (version == 1) {
            return new BaselineFile(version, platform, List.of(readSet(path, "$", root, platform, null)));
        }
        JsonNode array = root.get("host_classes");
        path.requireArray("$.host_classes", array);
        List<Baseline> sets = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "$.host_classes[" + i + "]";
            JsonNode node = array.get(i);
            path.requireObject(at, node);
            JsonNode host = node.get("host");
            Baseline set = readSet(path, at, node, platform, host == null || host.isNull() ? null
                    : HostJson.read(path, at + ".host", host, platform));
            if (sets.stream().anyMatch(set::sameClassAs)) {
                throw path.error(at, "a second entry set for " + set.hostLabel());
            }
            sets.add(set);
        }
        return new BaselineFile(version, platform, sets);
    }

    private static Baseline readSet(JsonPath path, String at, JsonNode node, PlatformKey platform, HostIdentity host)
            throws InputException {
        Fingerprint fingerprint = ModelJson.readFingerprint(path, at + ".fingerprint", node.get("fingerprint"));
        Instant timestamp = ModelJson.readInstant(path, at + ".timestamp", node.get("timestamp"));
        JsonNode array = node.get("baselines");
        path.requireArray(at + ".baselines", array);
        List<BaselineEntry> entries = new ArrayList<>();
        Set<BenchmarkId> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String entryAt = at + ".baselines[" + i + "]";
            BaselineEntry entry = readEntry(path, entryAt, array.get(i));
            if (!seen.add(entry.id())) {
                throw path.error(entryAt, "benchmark " + entry.id() + " appears twice");
            }
            entries.add(entry);
        }
        return new Baseline(platform, host, fingerprint, timestamp, entries);
    }

    private static BaselineEntry readEntry(JsonPath path, String at, JsonNode node) throws InputException {
        path.requireObject(at, node);
        BenchmarkId id = ModelJson.readId(path, at, node);
        String unit = path.requiredText(at + ".unit", node.get("unit"));
        double score = path.number(at + ".score", node.get("score"), true);
        double error = path.number(at + ".score_error", node.get("score_error"), false);
        Measurement primary = new Measurement(unit, score, error,
                ModelJson.readSamples(path, at + ".samples", node.get("samples")));
        Measurement allocation = null;
        JsonNode alloc = node.get("allocation");
        if (alloc != null && !alloc.isNull()) {
            allocation = ModelJson.readMeasurement(path, at + ".allocation", alloc);
        }
        Double threshold = null;
        JsonNode t = node.get("threshold_pct");
        if (t != null && !t.isNull()) {
            double value = path.number(at + ".threshold_pct", t, true);
            if (!(value > 0 && value < 1000)) {
                throw path.error(at + ".threshold_pct", "must be > 0 and < 1000 percent but was " + value);
            }
            threshold = value;
        }
        JsonNode a = node.get("approval");
        path.requireObject(at + ".approval", a);
        Approval approval = new Approval(
                ModelJson.readInstant(path, at + ".approval.approved_at", a.get("approved_at")),
                path.optionalText(at + ".approval.approved_by", a.get("approved_by")),
                path.requiredText(at + ".approval.reason", a.get("reason")),
                path.optionalText(at + ".approval.commit", a.get("commit")),
                path.optionalText(at + ".approval.run_id", a.get("run_id")));
        return new BaselineEntry(id, primary, allocation, threshold, approval, readNoise(path, at + ".noise",
                node.get("noise")), readPlan(path, at + ".plan", node.get("plan")));
    }

    private static RunPlan readPlan(JsonPath path, String at, JsonNode node) throws InputException {
        if (node == null || node.isNull()) {
            return null;
        }
        path.requireObject(at, node);
        int forks = requiredCount(path, at + ".forks", node.get("forks"));
        int warmup = requiredCount(path, at + ".warmup_iterations", node.get("warmup_iterations"));
        int iterations = requiredCount(path, at + ".iterations", node.get("iterations"));
        String timeText = path.requiredText(at + ".iteration_time", node.get("iteration_time"));
        java.time.Duration time;
        try {
            time = RunPlan.parseJmhTime(timeText);
        } catch (IllegalArgumentException e) {
            throw path.error(at + ".iteration_time", "expected a time like 1s or 500ms but was '" + timeText + "'");
        }
        double forkLogSd = path.number(at + ".fork_log_sd", node.get("fork_log_sd"), true);
        double forkCost = path.number(at + ".fork_cost_s", node.get("fork_cost_s"), true);
        double expected = path.number(at + ".expected_s", node.get("expected_s"), true);
        double detectsPct = path.number(at + ".detects_pct", node.get("detects_pct"), true);
        try {
            return new RunPlan(forks, warmup, iterations, time, forkLogSd, forkCost, expected, detectsPct / 100);
        } catch (IllegalArgumentException e) {
            throw path.error(at, e.getMessage());
        }
    }

    private static int requiredCount(JsonPath path, String at, JsonNode node) throws InputException {
        int value = path.optionalCount(at, node, -1);
        if (value < 0) {
            throw path.error(at, "missing whole number");
        }
        return value;
    }

    private static Noise readNoise(JsonPath path, String at, JsonNode node) throws InputException {
        if (node == null || node.isNull()) {
            return null;
        }
        path.requireObject(at, node);
        double fork = path.number(at + ".fork_log_sd", node.get("fork_log_sd"), true);
        double run = path.number(at + ".run_log_sd", node.get("run_log_sd"), false);
        int runs = path.optionalCount(at + ".runs", node.get("runs"), -1);
        int forks = path.optionalCount(at + ".forks", node.get("forks"), -1);
        if (runs < 0 || forks < 0) {
            throw path.error(at + (runs < 0 ? ".runs" : ".forks"), "missing whole number");
        }
        Instant calibratedAt = ModelJson.readInstant(path, at + ".calibrated_at", node.get("calibrated_at"));
        try {
            Noise noise = new Noise(fork, run, runs, forks, calibratedAt);
            JsonNode componentSd = node.get("fork_component_log_sd");
            if (componentSd == null || componentSd.isNull()) {
                return noise;
            }
            // Older perf-gate versions ignore these fields; without them the entry has no model to plan from.
            double iterationSd = path.number(at + ".iteration_log_sd", node.get("iteration_log_sd"), false);
            double lag1 = path.number(at + ".iteration_lag1", node.get("iteration_lag1"), false);
            double component = path.number(at + ".fork_component_log_sd", componentSd, true);
            int iterations = requiredCount(path, at + ".iterations", node.get("iterations"));
            return noise.withComponents(new VarianceComponents(iterationSd, lag1, component, forks, iterations));
        } catch (IllegalArgumentException e) {
            throw path.error(at, e.getMessage());
        }
    }
}

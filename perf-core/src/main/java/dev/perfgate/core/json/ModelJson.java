package dev.perfgate.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON shapes that perfgate's own files (baselines, history) share: benchmark identity,
 * measurements with per-fork samples, fingerprints, and numbers written with a fixed precision.
 *
 * <p>Numbers are rounded to {@value #SIGNIFICANT_DIGITS} significant digits and written in plain
 * notation ({@code 0.000123456}, {@code 1234560}), so rewriting a file reproduces unchanged values
 * byte for byte in every locale. NaN is written as {@code null}.
 */
public final class ModelJson {

    /** Significant digits kept for every number perfgate writes. */
    public static final int SIGNIFICANT_DIGITS = 6;

    private static final MathContext PRECISION = new MathContext(SIGNIFICANT_DIGITS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ModelJson() {
    }

    /** How deep perfgate's files may nest. */
    public static final int MAX_DEPTH = 64;

    /** A mapper for perfgate's files: strict duplicate detection, bounded nesting, plain decimals. */
    public static ObjectMapper mapper() {
        return mapper(MAX_DEPTH);
    }

    /** As {@link #mapper()}, with another nesting limit. */
    public static ObjectMapper mapper(int maxDepth) {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .nodeFactory(NODES)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build());
        return mapper;
    }

    /** A new empty object node whose keys keep insertion order. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A number rounded to the fixed precision; NaN and infinities become null. */
    public static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(decimal(value)) : NODES.nullNode();
    }

    /**
     * A finite value as it reads back from a file: rounded to the fixed precision. Values derived
     * from written numbers are computed from rounded ones, so rewriting a file reproduces them.
     */
    public static double round(double value) {
        return Double.isFinite(value) ? decimal(value).doubleValue() : value;
    }

    private static BigDecimal decimal(double value) {
        if (value == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal rounded = new BigDecimal(value).round(PRECISION).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** Writes {@code benchmark}, {@code mode} and {@code params} into an object. */
    public static void putId(ObjectNode node, BenchmarkId id) {
        node.put("benchmark", id.name());
        node.put("mode", id.mode().label());
        ObjectNode params = node.putObject("params");
        id.params().forEach(params::put);
    }

    /** Reads what {@link #putId} wrote. */
    public static BenchmarkId readId(JsonPath path, String at, JsonNode node) throws InputException {
        String name = path.requiredText(at + ".benchmark", node.get("benchmark"));
        String modeText = path.requiredText(at + ".mode", node.get("mode"));
        Mode mode = Mode.fromLabel(modeText).orElseThrow(() -> path.error(at + ".mode",
                "unknown mode '" + modeText + "', expected thrpt, avgt, sample or ss"));
        Map<String, String> params = new TreeMap<>();
        JsonNode p = node.get("params");
        if (p != null && !p.isNull()) {
            path.requireObject(at + ".params", p);
            var fields = p.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                params.put(field.getKey(), path.requiredText(at + ".params[" + JsonPath.quote(field.getKey()) + "]",
                        field.getValue()));
            }
        }
        return BenchmarkId.of(name, mode, params);
    }

    /** Writes {@code unit}, {@code score}, {@code score_error} and the per-fork {@code samples}. */
    public static void putMeasurement(ObjectNode node, Measurement m) {
        node.put("unit", m.unit());
        node.set("score", number(m.score()));
        node.set("score_error", number(m.scoreError()));
        node.set("samples", samples(m.forks()));
    }

    /** Reads what {@link #putMeasurement} wrote. */
    public static Measurement readMeasurement(JsonPath path, String at, JsonNode node) throws InputException {
        path.requireObject(at, node);
        String unit = path.requiredText(at + ".unit", node.get("unit"));
        double score = path.number(at + ".score", node.get("score"), false);
        double error = path.number(at + ".score_error", node.get("score_error"), false);
        return new Measurement(unit, score, error, readSamples(path, at + ".samples", node.get("samples")));
    }

    /**
     * Writes a compacted measurement (one of a compacted history run): {@code unit}, {@code score},
     * {@code score_error} and, unless they equal {@code inherited}, {@code forks} and
     * {@code iterations}; no {@code samples}.
     *
     * @param inherited the counts a reader takes when the object has none (a benchmark takes its
     *                  run's, a secondary metric its benchmark's); null when the counts must be written
     */
    public static void putSummary(ObjectNode node, Measurement m, Measurement.Summary inherited, String impliedUnit) {
        if (!m.compacted()) {
            throw new IllegalArgumentException("not a compacted measurement");
        }
        if (!m.unit().equals(impliedUnit)) {
            node.put("unit", m.unit());
        }
        node.set("score", number(m.score()));
        node.set("score_error", number(m.scoreError()));
        if (!m.summary().equals(inherited)) {
            node.put("forks", m.summary().forks());
            node.put("iterations", m.summary().iterations());
        }
    }

    /**
     * Reads what {@link #putSummary} wrote: a measurement without samples (a {@code samples} field is
     * an error) whose counts are its own {@code forks} and {@code iterations} or, when it has neither,
     * {@code inherited}, and whose unit is its own {@code unit} or, when it has none, {@code impliedUnit}
     * (null: the unit is required).
     */
    public static Measurement readSummary(JsonPath path, String at, JsonNode node, Measurement.Summary inherited,
                                          String impliedUnit) throws InputException {
        path.requireObject(at, node);
        String unit = impliedUnit != null && !node.has("unit") ? impliedUnit
                : path.requiredText(at + ".unit", node.get("unit"));
        double score = path.number(at + ".score", node.get("score"), false);
        double error = path.number(at + ".score_error", node.get("score_error"), false);
        if (node.has("samples")) {
            throw path.error(at + ".samples", "a compacted run has no samples");
        }
        JsonNode forks = node.get("forks");
        JsonNode iterations = node.get("iterations");
        Measurement.Summary summary = inherited;
        if (forks != null || iterations != null || inherited == null) {
            summary = readCounts(path, at, node);
        }
        return new Measurement(unit, score, error, List.of(), summary);
    }

    /** Reads an object's {@code forks} and {@code iterations}, both required (whole numbers >= 0). */
    public static Measurement.Summary readCounts(JsonPath path, String at, JsonNode node) throws InputException {
        return new Measurement.Summary(count(path, at + ".forks", node.get("forks")),
                count(path, at + ".iterations", node.get("iterations")));
    }

    private static int count(JsonPath path, String at, JsonNode node) throws InputException {
        if (node == null || node.isNull()) {
            throw path.error(at, "missing: a compacted measurement has forks and iterations");
        }
        return path.optionalCount(at, node, 0);
    }

    /** Per-fork samples as an array of arrays of numbers. */
    public static ArrayNode samples(List<List<Double>> forks) {
        ArrayNode array = NODES.arrayNode();
        for (List<Double> fork : forks) {
            ArrayNode values = array.addArray();
            fork.forEach(v -> values.add(number(v)));
        }
        return array;
    }

    /** Reads per-fork samples; absent means none. */
    public static List<List<Double>> readSamples(JsonPath path, String at, JsonNode node) throws InputException {
        List<List<Double>> forks = new ArrayList<>();
        if (node == null || node.isNull()) {
            return forks;
        }
        path.requireArray(at, node);
        for (int f = 0; f < node.size(); f++) {
            String forkAt = at + "[" + f + "]";
            JsonNode fork = node.get(f);
            path.requireArray(forkAt, fork);
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                values.add(path.number(forkAt + "[" + i + "]", fork.get(i), false));
            }
            forks.add(values);
        }
        return forks;
    }

    /** A fingerprint as an object with snake_case keys in a fixed order. */
    public static ObjectNode fingerprint(Fingerprint f) {
        ObjectNode node = object();
        node.put("cpu_model", f.cpuModel());
        node.put("logical_cores", f.logicalCores());
        node.put("jdk_vendor", f.jdkVendor());
        node.put("jdk_version", f.jdkVersion());
        ArrayNode flags = node.putArray("jvm_flags");
        f.jvmFlags().forEach(flags::add);
        node.put("os_name", f.osName());
        node.put("os_version", f.osVersion());
        return node;
    }

    /** Reads what {@link #fingerprint} wrote; absent fields are empty. */
    public static Fingerprint readFingerprint(JsonPath path, String at, JsonNode node) throws InputException {
        if (node == null || node.isNull()) {
            return new Fingerprint("", 0, "", "", List.of(), "", "");
        }
        path.requireObject(at, node);
        List<String> flags = new ArrayList<>();
        JsonNode array = node.get("jvm_flags");
        if (array != null && !array.isNull()) {
            path.requireArray(at + ".jvm_flags", array);
            for (int i = 0; i < array.size(); i++) {
                flags.add(path.requiredText(at + ".jvm_flags[" + i + "]", array.get(i)));
            }
        }
        return new Fingerprint(
                path.optionalText(at + ".cpu_model", node.get("cpu_model")),
                path.optionalCount(at + ".logical_cores", node.get("logical_cores"), 0),
                path.optionalText(at + ".jdk_vendor", node.get("jdk_vendor")),
                path.optionalText(at + ".jdk_version", node.get("jdk_version")),
                flags,
                path.optionalText(at + ".os_name", node.get("os_name")),
                path.optionalText(at + ".os_version", node.get("os_version")));
    }

    /** A platform key such as {@code linux-x86_64}; the error names the accepted values. */
    public static PlatformKey readPlatform(JsonPath path, String at, JsonNode node) throws InputException {
        String text = path.requiredText(at, node);
        try {
            return PlatformKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw path.error(at, e.getMessage());
        }
    }

    /** An ISO-8601 instant, e.g. {@code 2026-11-27T10:15:30Z}. */
    public static Instant readInstant(JsonPath path, String at, JsonNode node) throws InputException {
        String text = path.requiredText(at, node);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw path.error(at, "expected an ISO-8601 time such as 2026-11-27T10:15:30Z, found \"" + text + "\"");
        }
    }
}

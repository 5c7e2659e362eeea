package dev.perfgate.core.jmh;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.perfgate.core.InputException;
import dev.perfgate.core.json.JsonErrors;
import dev.perfgate.core.json.JsonPath;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.RunSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads JMH's JSON result format ({@code -rf json}) as written by JMH 1.2x to 1.37, and by other
 * tools that publish it: all modes ({@code thrpt}, {@code avgt}, {@code sample} with
 * {@code rawDataHistogram}, {@code ss}), {@code params}, {@code rawData} per fork and iteration,
 * secondary metrics with or without the {@code "\u00b7"} prefix, {@code "NaN"} strings, and files
 * without {@code jmhVersion}.
 *
 * <p>Anything else raises an {@link InputException} naming the file and the JSON path of the
 * offending value ({@code $[2].primaryMetric.rawData[0][1]}), or the line and column of a syntax
 * error. A file with no benchmarks (an empty array) is refused: a run that measured nothing
 * cannot pass a gate.
 *
 * <pre>{@code
 * List<BenchmarkResult> results = new JmhJsonReader().read(Path.of("target/perf-gate/results.json"));
 * }</pre>
 */
public final class JmhJsonReader {

    private final ObjectMapper mapper = mapper();
    /** Reads one element of the array: what follows it is the rest of the array, not trailing content. */
    private final ObjectReader element = mapper.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The mapper JMH files are read with: JMH's {@code NaN}/{@code Infinity} literals accepted,
     * duplicate keys and trailing content refused, nesting limited.
     */
    static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        return mapper;
    }

    /** Reads a JMH JSON file. */
    public List<BenchmarkResult> read(Path file) throws InputException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, null, "is a directory, expected a JMH JSON result file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(source, in);
        } catch (NoSuchFileException e) {
            throw new InputException(source, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(source, null, "permission denied");
        } catch (IOException e) {
            throw new InputException(source, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads JMH JSON from a stream.
     *
     * @param source name of the source for messages, e.g. the file path
     */
    public List<BenchmarkResult> read(String source, InputStream in) throws InputException {
        // The array is read one element at a time, so that a file of many benchmarks never
        // stands in memory as a whole JSON tree next to its results.
        JsonPath path = new JsonPath(source);
        List<BenchmarkResult> results = new ArrayList<>();
        Set<BenchmarkId> seen = new HashSet<>();
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputException(source, null, "is empty, expected a JMH JSON result array");
            }
            if (first != JsonToken.START_ARRAY) {
                JsonNode root = element.readTree(parser);
                throw path.error("$", "expected a JSON array of JMH results, found " + JsonPath.describe(root));
            }
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                String at = "$[" + i + "]";
                BenchmarkResult result = readBenchmark(path, at, element.readTree(parser));
                if (!seen.add(result.id())) {
                    throw path.error(at, "benchmark " + result.id() + " appears twice");
                }
                results.add(result);
            }
            if (parser.nextToken() != null) {
                throw new InputException(source, "line " + parser.currentLocation().getLineNr() + ", column "
                        + parser.currentLocation().getColumnNr(), "unexpected content after the end of the JSON value");
            }
        } catch (JsonProcessingException e) {
            throw JsonErrors.syntax(source, e);
        } catch (IOException e) {
            throw new InputException(source, null, "cannot be read: " + e.getMessage(), e);
        }
        if (results.isEmpty()) {
            throw new InputException(source, "$", "holds no benchmark results (empty array)");
        }
        return List.copyOf(results);
    }

    private BenchmarkResult readBenchmark(JsonPath path, String at, JsonNode node) throws InputException {
        path.requireObject(at, node);
        String name = path.requiredText(at + ".benchmark", node.get("benchmark"));
        String modeText = path.requiredText(at + ".mode", node.get("mode"));
        Mode mode = Mode.fromLabel(modeText).orElseThrow(() -> path.error(at + ".mode",
                "unknown JMH mode '" + modeText + "', expected thrpt, avgt, sample or ss"));
        Map<String, String> params = readParams(path, at + ".params", node.get("params"));
        BenchmarkId id = BenchmarkId.of(name, mode, params);
        Measurement primary = readMetric(path, at + ".primaryMetric", node.get("primaryMetric"), true);
        Map<String, Measurement> secondary = new LinkedHashMap<>();
        JsonNode sec = node.get("secondaryMetrics");
        if (sec != null && !sec.isNull()) {
            path.requireObject(at + ".secondaryMetrics", sec);
            var fields = sec.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                String metricAt = at + ".secondaryMetrics[" + JsonPath.quote(field.getKey()) + "]";
                String normalised = BenchmarkResult.normaliseMetricName(field.getKey());
                if (secondary.containsKey(normalised)) {
                    throw path.error(metricAt, "metric '" + normalised + "' appears twice (with and without "
                            + "JMH's \u00b7 prefix)");
                }
                secondary.put(normalised, readMetric(path, metricAt, field.getValue(), false));
            }
        }
        return new BenchmarkResult(id, primary, secondary, readSettings(path, at, node));
    }

    private static Map<String, String> readParams(JsonPath path, String at, JsonNode node) throws InputException {
        Map<String, String> params = new TreeMap<>();
        if (node == null || node.isNull()) {
            return params;
        }
        path.requireObject(at, node);
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw path.error(at + "[" + JsonPath.quote(field.getKey()) + "]",
                        "expected a parameter value, found " + JsonPath.describe(value));
            }
            params.put(field.getKey(), value.asText());
        }
        return params;
    }

    private static Measurement readMetric(JsonPath path, String at, JsonNode node, boolean primary)
            throws InputException {
        if (node == null || node.isNull()) {
            throw path.error(at, primary ? "missing primaryMetric" : "missing metric");
        }
        path.requireObject(at, node);
        String unit = path.requiredText(at + ".scoreUnit", node.get("scoreUnit"));
        double score = path.number(at + ".score", node.get("score"), true);
        double error = node.has("scoreError") ? path.number(at + ".scoreError", node.get("scoreError"), false)
                : Double.NaN;
        List<List<Double>> forks;
        JsonNode histogram = node.get("rawDataHistogram");
        JsonNode raw = node.get("rawData");
        if (raw != null && !raw.isNull()) {
            forks = readRawData(path, at + ".rawData", raw);
        } else if (histogram != null && !histogram.isNull()) {
            forks = readHistogram(path, at + ".rawDataHistogram", histogram);
        } else {
            forks = List.of();
        }
        return new Measurement(unit, score, error, forks);
    }

    private static List<List<Double>> readRawData(JsonPath path, String at, JsonNode raw) throws InputException {
        path.requireArray(at, raw);
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < raw.size(); f++) {
            JsonNode fork = raw.get(f);
            String forkAt = at + "[" + f + "]";
            path.requireArray(forkAt, fork);
            List<Double> iterations = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                iterations.add(path.number(forkAt + "[" + i + "]", fork.get(i), true));
            }
            forks.add(iterations);
        }
        return forks;
    }

    /** Sample mode: each iteration is a histogram of [value, count] pairs; its value is the weighted mean. */
    private static List<List<Double>> readHistogram(JsonPath path, String at, JsonNode histogram)
            throws InputException {
        path.requireArray(at, histogram);
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < histogram.size(); f++) {
            String forkAt = at + "[" + f + "]";
            JsonNode fork = histogram.get(f);
            path.requireArray(forkAt, fork);
            List<Double> iterations = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                String iterAt = forkAt + "[" + i + "]";
                JsonNode iteration = fork.get(i);
                path.requireArray(iterAt, iteration);
                double sum = 0;
                double count = 0;
                for (int b = 0; b < iteration.size(); b++) {
                    String binAt = iterAt + "[" + b + "]";
                    JsonNode bin = iteration.get(b);
                    path.requireArray(binAt, bin);
                    if (bin.size() != 2) {
                        throw path.error(binAt, "expected a [value, count] pair, found " + bin.size() + " elements");
                    }
                    double value = path.number(binAt + "[0]", bin.get(0), true);
                    double n = path.number(binAt + "[1]", bin.get(1), true);
                    if (n < 0) {
                        throw path.error(binAt + "[1]", "sample count must not be negative but was " + n);
                    }
                    sum += value * n;
                    count += n;
                }
                iterations.add(count == 0 ? Double.NaN : sum / count);
            }
            forks.add(iterations);
        }
        return forks;
    }

    private static RunSettings readSettings(JsonPath path, String at, JsonNode node) throws InputException {
        List<String> jvmArgs = new ArrayList<>();
        JsonNode args = node.get("jvmArgs");
        if (args != null && !args.isNull()) {
            path.requireArray(at + ".jvmArgs", args);
            for (int i = 0; i < args.size(); i++) {
                jvmArgs.add(path.requiredText(at + ".jvmArgs[" + i + "]", args.get(i)));
            }
        }
        return new RunSettings(
                path.optionalText(at + ".jmhVersion", node.get("jmhVersion")),
                path.optionalText(at + ".jvm", node.get("jvm")),
                path.optionalText(at + ".jdkVersion", node.get("jdkVersion")),
                path.optionalText(at + ".vmName", node.get("vmName")),
                path.optionalText(at + ".vmVersion", node.get("vmVersion")),
                jvmArgs,
                path.optionalCount(at + ".threads", node.get("threads"), 1),
                path.optionalCount(at + ".forks", node.get("forks"), 0),
                path.optionalCount(at + ".warmupIterations", node.get("warmupIterations"), 0),
                path.optionalCount(at + ".measurementIterations", node.get("measurementIterations"), 0),
                time(node.get("warmupTime")), time(node.get("measurementTime")));
    }

    /** An iteration time as JMH writes it ({@code "1 s"}, {@code "100 ms"}); zero when absent or not a time (single-shot). */
    private static java.time.Duration time(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return java.time.Duration.ZERO;
        }
        try {
            return dev.perfgate.core.stats.RunPlan.parseJmhTime(node.asText());
        } catch (IllegalArgumentException e) {
            return java.time.Duration.ZERO;
        }
    }
}

package dev.perfgate.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.core.gate.Gate;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.json.GoldenFiles;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.stats.GatePolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {

    private static final List<String> TOP_LEVEL_KEYS = List.of("schema", "verdict", "platform", "threshold_pct", "advisory",
            "advisory_reason", "fingerprint_notes", "results");
    /** The keys of the architecture page, then the documented extras threshold_pct and note. */
    private static final List<String> RESULT_KEYS = List.of("benchmark", "mode", "params", "metric", "unit",
            "baseline", "current", "change_pct", "ci_low_pct", "ci_high_pct", "p_value", "verdict", "threshold_pct",
            "note");

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void reportHasTheDocumentedTopLevelAndResultKeys() throws Exception {
        JsonNode root = mapper.readTree(JsonReport.render(ReportFixtures.mixed()));

        assertThat(keys(root)).containsExactlyElementsOf(TOP_LEVEL_KEYS);
        assertThat(root.get("verdict").asText()).isEqualTo("regression");
        assertThat(root.get("platform").asText()).isEqualTo("linux-x86_64");
        assertThat(root.get("threshold_pct").asDouble()).isEqualTo(5.0);
        assertThat(root.get("advisory").asBoolean()).isFalse();
        assertThat(root.get("results")).hasSize(6);
        for (JsonNode result : root.get("results")) {
            assertThat(keys(result)).containsExactlyElementsOf(RESULT_KEYS);
            assertThat(result.get("params").isObject()).isTrue();
            assertThat(result.get("verdict").asText())
                    .isIn("regression", "improvement", "unchanged", "inconclusive", "new", "missing");
            for (String key : List.of("baseline", "current", "change_pct", "ci_low_pct", "ci_high_pct", "p_value")) {
                assertThat(result.get(key).isNumber() || result.get(key).isNull()).as(key).isTrue();
            }
        }
    }

    @Test
    void resultsCarryIdentityMetricAndNumbers() throws Exception {
        JsonNode results = mapper.readTree(JsonReport.render(ReportFixtures.mixed())).get("results");

        JsonNode regression = results.get(0);
        assertThat(regression.get("benchmark").asText()).isEqualTo(ReportFixtures.COSINE.name());
        assertThat(regression.get("mode").asText()).isEqualTo("avgt");
        assertThat(regression.get("params").get("dim").asText()).isEqualTo("768");
        assertThat(regression.get("metric").asText()).isEqualTo("primary");
        assertThat(regression.get("baseline").asDouble()).isEqualTo(10.0);
        assertThat(regression.get("current").asDouble()).isEqualTo(11.2);
        assertThat(regression.get("change_pct").asDouble()).isEqualTo(12.0);
        assertThat(regression.get("ci_low_pct").asDouble()).isEqualTo(8.0);
        assertThat(regression.get("ci_high_pct").asDouble()).isEqualTo(16.0);
        assertThat(regression.get("p_value").asDouble()).isEqualTo(0.00108);
        assertThat(results.get(1).get("metric").asText()).isEqualTo("gc.alloc.rate.norm");
        JsonNode added = results.get(4);
        assertThat(added.get("verdict").asText()).isEqualTo("new");
        assertThat(added.get("baseline").isNull()).isTrue();
        assertThat(added.get("change_pct").isNull()).isTrue();
        assertThat(results.get(5).get("current").isNull()).isTrue();
    }

    @Test
    void advisoryRegressionPasses() throws Exception {
        GateReport report = new GateReport("macos-aarch64", 5.0, List.of(ReportFixtures.regression(
                ReportFixtures.COSINE)), List.of("CPU: A (baseline) vs B (current)"), "the CPU differs");

        JsonNode root = mapper.readTree(JsonReport.render(report));

        assertThat(root.get("verdict").asText()).isEqualTo("pass");
        assertThat(root.get("advisory").asBoolean()).isTrue();
        assertThat(root.get("fingerprint_notes")).hasSize(1);
        assertThat(root.get("results").get(0).get("verdict").asText()).isEqualTo("regression");
    }

    @Test
    void changeIsPositiveForFewerOperationsPerSecondAndForMoreTimePerOperation() throws Exception {
        GateReport report = new Gate(GatePolicy.DEFAULT).compare(
                List.of(result("dev.x.Thrpt.run", "ops/s", 1000), result("dev.x.Avgt.run", "us/op", 10)),
                List.of(result("dev.x.Thrpt.run", "ops/s", 800), result("dev.x.Avgt.run", "us/op", 12)),
                Map.of());

        JsonNode results = mapper.readTree(JsonReport.render(report)).get("results");

        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("change_pct").asDouble()).as(r.get("benchmark").asText()).isBetween(15.0, 25.0);
            assertThat(r.get("verdict").asText()).isEqualTo("regression");
        });
        assertThat(mapper.readTree(JsonReport.render(report)).get("verdict").asText()).isEqualTo("regression");
    }

    @Test
    void reportIsTheSameInEveryLocale() throws Exception {
        String root = GoldenFiles.withLocale(Locale.ROOT, () -> JsonReport.render(ReportFixtures.mixed()));
        String german = GoldenFiles.withLocale(Locale.GERMANY, () -> JsonReport.render(ReportFixtures.mixed()));

        assertThat(german).isEqualTo(root).endsWith("}\n").doesNotContain("\r");
    }

    /** Ten forks of five iterations at {@code level}, spread by a fixed pattern of about 1%. */
    private static BenchmarkResult result(String name, String unit, double level) {
        double[] spread = {-0.012, 0.004, 0.009, -0.003, 0.011, -0.007, 0.001, -0.010, 0.006, 0.0};
        List<List<Double>> forks = new ArrayList<>();
        for (double s : spread) {
            double mean = level * (1 + s);
            forks.add(List.of(mean * 0.998, mean * 1.001, mean, mean * 1.002, mean * 0.999));
        }
        double score = forks.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average().orElseThrow();
        var id = dev.perfgate.core.model.BenchmarkId.of(name,
                unit.startsWith("ops") ? dev.perfgate.core.model.Mode.THROUGHPUT
                        : dev.perfgate.core.model.Mode.AVERAGE_TIME, Map.of());
        return new BenchmarkResult(id, new Measurement(unit, score, Double.NaN, forks), Map.of(), RunSettings.UNKNOWN);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        names.forEachRemaining(keys::add);
        return keys;
    }
}

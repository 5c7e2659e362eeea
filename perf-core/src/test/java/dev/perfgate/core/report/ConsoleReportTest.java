package dev.perfgate.core.report;

import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.json.GoldenFiles;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Mode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleReportTest {

    @Test
    void reportEndsWithASummaryLine() {
        String text = ConsoleReport.render(ReportFixtures.mixed());

        List<String> lines = text.lines().toList();
        assertThat(text).endsWith("\n");
        assertThat(lines.get(lines.size() - 1)).startsWith("perf-gate: REGRESSION - ")
                .contains("1 regression", "1 improvement", "1 unchanged", "1 inconclusive", "1 new", "1 missing")
                .endsWith("in 5 benchmarks (threshold 5%, linux-x86_64)");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Benchmark").contains("Verdict"));
    }

    @Test
    void passingReportSaysPass() {
        GateReport report = new GateReport("linux-x86_64", 7.5, List.of(ReportFixtures.improvement()), List.of(),
                "");

        assertThat(ConsoleReport.summary(report)).isEqualTo(
                "perf-gate: PASS - 1 improvement in 1 benchmarks (threshold 7.5%, linux-x86_64)");
    }

    @Test
    void advisoryRegressionPassesAndExplainsWhy() {
        GateReport report = new GateReport("linux-x86_64", 5.0, List.of(ReportFixtures.regression(
                ReportFixtures.COSINE)), List.of("JDK: 17.0.15 (baseline) vs 21.0.5 (current)"), "the CPU differs");

        String text = ConsoleReport.render(report);

        assertThat(text).contains("note: different machine or JVM than the baseline: JDK: 17.0.15", "advisory");
        assertThat(text.lines().reduce((a, b) -> b)).hasValueSatisfying(last ->
                assertThat(last).startsWith("perf-gate: PASS (advisory regressions) - "));
    }

    @Test
    void numbersUseADecimalPointInEveryLocale() throws Exception {
        String root = GoldenFiles.withLocale(Locale.ROOT, () -> ConsoleReport.render(ReportFixtures.mixed()));
        String german = GoldenFiles.withLocale(Locale.GERMANY, () -> ConsoleReport.render(ReportFixtures.mixed()));

        assertThat(german).isEqualTo(root).contains("+12.0%", "11.2");
    }

    @Test
    void controlCharactersInNamesCannotRewriteTheTerminal() {
        BenchmarkId id = BenchmarkId.of("dev.x.Bench\u001b[2J\r.run", Mode.AVERAGE_TIME, Map.of());
        GateReport report = new GateReport("linux-x86_64", 5.0, List.of(ReportFixtures.regression(id)), List.of(),
                "");

        assertThat(ConsoleReport.render(report)).doesNotContain("\u001b", "\r");
    }
}

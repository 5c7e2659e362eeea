package dev.perfgate.core.report;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.stats.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.perfgate.core.report.MarkdownFixtures.cells;
import static dev.perfgate.core.report.MarkdownFixtures.tableRows;
import static dev.perfgate.core.report.MarkdownFixtures.trend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkdownReportTest {

    @Test
    void reportStartsWithTheHiddenMarkerThenTheSummaryLine() {
        String markdown = MarkdownReport.render(ReportFixtures.mixed());

        assertThat(MarkdownReport.MARKER).isEqualTo("<!-- perf-gate-report -->");
        assertThat(markdown.lines().toList().subList(0, 2)).containsExactly(MarkdownReport.MARKER,
                MarkdownReport.summaryLine(ReportFixtures.mixed()));
    }

    @Test
    void hostileBenchmarkNameCannotInjectMarkupMentionsOrColumns() {
        BenchmarkId hostile = BenchmarkId.of("a|b<script>@team **x** [l](http://e)", Mode.AVERAGE_TIME,
                Map.of("p", "<img src=x onerror=alert(1)>"));
        GateReport report = new GateReport("linux-x86_64", 5.0, List.of(ReportFixtures.regression(hostile),
                ReportFixtures.improvement()), List.of("CPU: <b>@ci</b> (baseline) vs x (current)"), "");

        String markdown = MarkdownReport.render(report);

        assertThat(markdown).doesNotContain("<script>", "<img", "<b>", "@team", "@ci", "**x**", "[l](http");
        List<String> rows = tableRows(markdown);
        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(row -> assertThat(cells(row)).as(row).hasSize(8));
        assertThat(rows.get(2)).contains("a\\|b&lt;script&gt;&#64;team");
    }

    @Test
    void summaryLineSaysTheGateFailed() {
        String markdown = MarkdownReport.render(ReportFixtures.mixed());

        assertThat(markdown.lines().skip(1).findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("### :x: perf-gate: regression").contains("in 5 benchmarks", "threshold 5%", "linux"));
    }

    @Test
    void inconclusiveNoteIsListedUnderNotes() {
        String markdown = MarkdownReport.render(ReportFixtures.mixed());

        assertThat(markdown).contains("**Notes**").contains("14 forks needed");
    }

    @Test
    void advisoryReportSaysSoAndDoesNotFail() {
        GateReport report = new GateReport("linux-x86_64", 5.0, List.of(ReportFixtures.regression(
                ReportFixtures.COSINE)), List.of("CPU: A (baseline) vs B (current)"), "the CPU differs");

        String markdown = MarkdownReport.render(report);

        assertThat(markdown)
                .startsWith(MarkdownReport.MARKER + "\n### :warning: perf-gate: pass (advisory regressions)")
                .contains("advisory", "Different machine or JVM");
    }

    @Test
    void smallReportKeepsEveryRowAndNote() {
        String markdown = MarkdownReport.render(ReportFixtures.mixed());

        assertThat(tableRows(markdown)).hasSize(2 + ReportFixtures.mixed().rows().size());
        assertThat(markdown).doesNotContain("left out");
    }

    @Test
    void withoutHistoryThereIsNoTrendColumn() {
        String markdown = MarkdownReport.render(ReportFixtures.mixed(), List.of());

        assertThat(tableRows(markdown).get(0)).doesNotContain("Trend");
        assertThat(markdown).doesNotContain("Trend:");
    }

    @Test
    void historyOfOneBenchmarkAddsATrendColumnEndingInTheCurrentScore() {
        Trend cosine = trend(ReportFixtures.COSINE, "us/op", 10.0, 10.4, 10.2, 10.0);

        String markdown = MarkdownReport.render(ReportFixtures.mixed(), List.of(cosine));

        List<String> rows = tableRows(markdown);
        assertThat(cells(rows.get(0))).extracting(String::strip)
                .containsExactly("Benchmark", "Unit", "Baseline", "Current", "Trend", "Change", "95% CI", "p",
                        "Verdict");
        assertThat(rows).allSatisfy(row -> assertThat(cells(row)).as(row).hasSize(9));
        assertThat(cells(rows.get(2)).get(4).strip()).as("current 11.2 is the highest point")
                .isEqualTo("\u2581\u2583\u2582\u2581\u2588");
        assertThat(rows.subList(3, rows.size())).as("allocation row and benchmarks without history")
                .allSatisfy(row -> assertThat(cells(row).get(4)).isBlank());
        assertThat(markdown).contains("Trend: up to 20 recorded runs, then this one");
    }

    @Test
    void historyOfBenchmarksNotInTheReportAddsNoColumn() {
        Trend other = trend(BenchmarkId.of("x.Other.run", Mode.AVERAGE_TIME, Map.of()), "us/op", 1, 2, 3);

        assertThat(MarkdownReport.render(ReportFixtures.mixed(), List.of(other))).doesNotContain("Trend");
    }

    @Test
    void trendDrawsTheLastTwentyRunsAndTheCurrentOne() {
        double[] thirty = new double[30];
        for (int i = 0; i < thirty.length; i++) {
            thirty[i] = 10 + i % 3;
        }
        String markdown = MarkdownReport.render(ReportFixtures.mixed(),
                List.of(trend(ReportFixtures.COSINE, "us/op", thirty)));

        assertThat(cells(tableRows(markdown).get(2)).get(4).strip()).hasSize(MarkdownReport.TREND_RUNS + 1);
    }

    @Test
    void historyInAnotherUnitIsConvertedBeforeTheCurrentScoreIsDrawn() {
        Trend nanos = trend(ReportFixtures.COSINE, "ns/op", 10_000, 11_000);

        String markdown = MarkdownReport.render(ReportFixtures.mixed(), List.of(nanos));

        assertThat(cells(tableRows(markdown).get(2)).get(4).strip()).as("11.2 us/op = 11,200 ns/op")
                .isEqualTo("\u2581\u2587\u2588");
    }

    @Test
    void currentScoreIsRoundedAsTheHistoryRecordsScoresSoAnUnchangedScoreIsFlat() {
        ComparisonRow precise = new ComparisonRow(ReportFixtures.TOKENIZE, ComparisonRow.PRIMARY, "ns/op",
                9.492838110890832, 9.492838110890832, 5.0, ReportFixtures.inconclusive().decision());
        GateReport report = new GateReport("", 5.0, List.of(precise), List.of(), "");

        String markdown = MarkdownReport.render(report, List.of(trend(ReportFixtures.TOKENIZE, "ns/op", 9.49284)));

        assertThat(cells(tableRows(markdown).get(2)).get(4).strip()).isEqualTo("\u2584\u2584");
    }

    @Test
    void missingBenchmarkEndsItsTrendWithAGap() {
        Trend removed = trend(ReportFixtures.REMOVED, "us/op", 5.0, 5.5);

        String markdown = MarkdownReport.render(ReportFixtures.mixed(), List.of(removed));

        String row = tableRows(markdown).stream().filter(r -> r.contains("OldBenchmark")).findFirst().orElseThrow();
        assertThat(cells(row).get(4)).isEqualTo(" \u2581\u2588  ");
    }

    @Test
    void budgetSmallerThanTheMinimumIsRefused() {
        assertThatThrownBy(() -> MarkdownReport.render(ReportFixtures.mixed(), List.of(), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes must be at least 16000");
    }

    @Test
    void newBenchmarkNoteIsNotRepeatedUnderNotes() {
        GateReport report = new GateReport("", 5.0, List.of(ReportFixtures.added()), List.of(), "");

        assertThat(MarkdownReport.render(report)).doesNotContain("**Notes**");
    }

    @Test
    void secondaryRowOfAnUnchangedBenchmarkHasAnEmptyTrendCell() {
        ComparisonRow alloc = ReportFixtures.allocationUnchanged();
        assertThat(alloc.decision().verdict()).isEqualTo(Verdict.UNCHANGED);
        GateReport report = new GateReport("", 5.0, List.of(ReportFixtures.regression(ReportFixtures.COSINE), alloc),
                List.of(), "");

        String markdown = MarkdownReport.render(report, List.of(trend(ReportFixtures.COSINE, "us/op", 1, 2)));

        assertThat(cells(tableRows(markdown).get(3)).get(4)).isBlank();
    }
}

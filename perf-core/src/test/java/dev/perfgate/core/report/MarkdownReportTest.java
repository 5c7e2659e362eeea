package dev.perfgate.core.report;

import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Mode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

    @Test
    void hostileBenchmarkNameCannotInjectMarkupMentionsOrColumns() {
        BenchmarkId hostile = BenchmarkId.of("a|b<script>@team **x** [l](http://e)", Mode.AVERAGE_TIME,
                Map.of("p", "<img src=x onerror=alert(1)>"));
        GateReport report = new GateReport("linux-x86_64", 5.0, List.of(ReportFixtures.regression(hostile),
                ReportFixtures.improvement()), List.of("CPU: <b>@ci</b> (baseline) vs x (current)"), false);

        String markdown = MarkdownReport.render(report);

        assertThat(markdown).doesNotContain("<script>", "<img", "<b>", "@team", "@ci", "**x**", "[l](http");
        List<String> tableRows = markdown.lines().filter(l -> l.startsWith("|")).toList();
        assertThat(tableRows).hasSize(4);
        int columns = pipes(tableRows.get(0));
        assertThat(columns).isEqualTo(9);
        assertThat(tableRows).allSatisfy(row -> assertThat(pipes(row)).as(row).isEqualTo(columns));
        assertThat(tableRows.get(2)).contains("a\\|b&lt;script&gt;&#64;team");
    }

    @Test
    void summaryLineComesFirstAndSaysTheGateFailed() {
        String markdown = MarkdownReport.render(ReportFixtures.mixed());

        assertThat(markdown.lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
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
                ReportFixtures.COSINE)), List.of("CPU: A (baseline) vs B (current)"), true);

        String markdown = MarkdownReport.render(report);

        assertThat(markdown).startsWith("### :warning: perf-gate: pass (advisory regressions)")
                .contains("advisory", "Different machine or JVM");
    }

    private static int pipes(String row) {
        Matcher m = UNESCAPED_PIPE.matcher(row);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

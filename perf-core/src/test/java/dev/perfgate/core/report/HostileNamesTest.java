package dev.perfgate.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.stats.Decision;
import dev.perfgate.core.stats.Verdict;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One benchmark whose name and parameters carry everything a hostile pull request could put in
 * them, through every report perf-gate writes: nothing it carries may act in the report's medium.
 */
class HostileNamesTest {

    private static final String NAME = "dev.x.Bench<script>alert(1)</script>@channel[click](https://evil.example)"
            + "\u001b[2J\r\u202e|**bold**|`code`" + "x".repeat(5000);
    private static final BenchmarkId ID = BenchmarkId.of(NAME, Mode.AVERAGE_TIME,
            Map.of("p<img src=x onerror=alert(1)>", "@here\n# heading\u0007"));

    private static GateReport report() {
        ComparisonRow row = new ComparisonRow(ID, ComparisonRow.PRIMARY, "us/op", 10, 11.2, 5,
                new Decision(Verdict.REGRESSION, 0.12, 0.08, 0.16, 0.001, 0.02, 0, "note <b>@team</b>\u001b[31m"));
        return new GateReport("linux-x86_64", 5, List.of(row), List.of(), "");
    }

    private static List<Trend> trends() {
        return List.of(new Trend(ID, "us/op", List.of(new Trend.Point("r1", Instant.parse("2026-11-01T00:00:00Z"),
                "c1", 10, 0.1), new Trend.Point("r2", Instant.parse("2026-11-02T00:00:00Z"), "c2", 11, 0.1)),
                List.of()));
    }

    @Test
    void consoleShowsNoTerminalControlAndCutsTheName() {
        String console = ConsoleReport.render(report()) + HistoryReport.render(trends(), "linux-x86_64",
                HistoryReport.Format.TEXT);

        assertThat(console).doesNotContain("\u001b", "\r", "\u202e", "\u0007", "x".repeat(300));
    }

    @Test
    void markdownShowsTheNameAsTextAndMentionsNobody() {
        String markdown = MarkdownReport.render(report(), trends()) + HistoryReport.render(trends(), "linux-x86_64",
                HistoryReport.Format.MARKDOWN);

        assertThat(markdown).doesNotContain("<script", "<img", "<b>", "@channel", "@here", "@team", "](https",
                "\u001b", "\u202e", "x".repeat(300));
        assertThat(markdown).contains("&lt;script&gt;", "&#64;channel");
        assertThat(markdown.lines().filter(l -> l.startsWith("# heading"))).isEmpty();
    }

    @Test
    void htmlPageEscapesTheNameEverywhere() {
        String html = HistoryReport.render(trends(), "linux-x86_64", HistoryReport.Format.HTML);

        assertThat(html).doesNotContain("<script", "<img", "onerror=alert", "\u001b", "x".repeat(300));
        assertThat(html).contains("&lt;script&gt;");
    }

    @Test
    void junitXmlIsWellFormedAndJsonKeepsTheExactNameEscaped() throws Exception {
        String xml = JunitReport.render(report());
        String json = JsonReport.render(report());

        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(xml).doesNotContain("<script", "\u001b", "x".repeat(300));
        assertThat(new ObjectMapper().readTree(json).get("results").get(0).get("benchmark").asText()).isEqualTo(NAME);
    }
}

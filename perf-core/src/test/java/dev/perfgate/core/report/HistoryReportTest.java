package dev.perfgate.core.report;

import dev.perfgate.core.history.ChangePoints;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Mode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import static org.assertj.core.api.Assertions.assertThat;

class HistoryReportTest {

    private static final BenchmarkId ID = BenchmarkId.of("dev.x.Kernel.run", Mode.AVERAGE_TIME, Map.of("n", "10"));

    /** Twelve runs at 100 us/op, then eight at 120: one change point at index 12. */
    private static Trend steppedTrend(BenchmarkId id) {
        List<Trend.Point> points = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            points.add(new Trend.Point("run-" + i, Instant.parse("2026-10-01T08:00:00Z").plusSeconds(3600L * i),
                    "c" + i, i < 12 ? 100 + i % 3 : 120 + i % 3, 1));
        }
        return new Trend(id, "us/op", points, List.of(new ChangePoints.ChangePoint(12, 101, 121, 0.001)));
    }

    @Test
    void theHtmlPageDrawsBaselineThresholdBandAndChangePointsWithoutAnythingExternal() {
        String html = HistoryReport.render(List.of(steppedTrend(ID)), "linux-x86_64", HistoryReport.Format.HTML,
                t -> new HistoryReport.Reference(100, 5));

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<polyline", "class=\"band\"", "class=\"base\"", "class=\"cp\"")
                .contains("baseline 100 us/op, threshold 5%")
                .contains("2026-10-01 08:00 UTC")
                .contains("Change point: +19.8% at run 13");
        assertThat(html).doesNotContain("<script", "http://", "https://", " src=", "<link");
    }

    @Test
    void aChangePointWithAnotherJdkBuildIsLabelledAnEnvironmentChange() {
        HostClass avx2 = new HostClass(PlatformKey.parse("linux-x86_64"), List.of("avx", "avx2"), 256, 2, 17);
        HostIdentity before = new HostIdentity(avx2, "17.0.15+6", java.util.Map.of(), "", null);
        HostIdentity after = new HostIdentity(avx2, "17.0.16+8", java.util.Map.of(), "", null);
        List<Trend.Point> points = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            points.add(new Trend.Point("run-" + i, Instant.parse("2026-10-01T08:00:00Z").plusSeconds(3600L * i), "c" + i,
                    i < 12 ? 100 : 121, 0.5));
        }
        Trend trend = new Trend(ID, avx2, "us/op", points, List.of(new ChangePoints.ChangePoint(12, 100, 121, 0.001)),
                java.util.Map.of(12, HostIdentity.environmentChange(before, after).orElseThrow()));

        String text = HistoryReport.render(List.of(trend), "linux-x86_64", HistoryReport.Format.TEXT);
        String json = HistoryReport.render(List.of(trend), "linux-x86_64", HistoryReport.Format.JSON);

        assertThat(text).contains("on linux-x86_64, AVX2, 256-bit vectors, 2 cores, JDK 17",
                "an environment change, not necessarily the code's: JDK build 17.0.15+6 -> 17.0.16+8");
        assertThat(json).contains("\"environment_change\" : \"JDK build 17.0.15+6 -> 17.0.16+8\"",
                "\"host_label\" : \"linux-x86_64, AVX2");
        assertThat(HistoryReport.render(List.of(steppedTrend(ID)), "linux-x86_64", HistoryReport.Format.JSON))
                .contains("\"environment_change\" : null");
    }

    @Test
    void theBandIsLeftOutWithoutABaseline() {
        String html = HistoryReport.render(List.of(steppedTrend(ID)), "linux-x86_64", HistoryReport.Format.HTML);

        assertThat(html).contains("<polyline").doesNotContain("class=\"band\"", "class=\"base\"");
    }

    @Test
    void theJsonTellsTheBaselineAndThreshold() {
        String json = HistoryReport.render(List.of(steppedTrend(ID)), "linux-x86_64", HistoryReport.Format.JSON,
                t -> new HistoryReport.Reference(100, 7.5));

        assertThat(json).contains("\"baseline\" : 100").contains("\"threshold_pct\" : 7.5");
    }

    @Test
    void hostileNamesAreEscapedInThePage() {
        BenchmarkId hostile = BenchmarkId.of("dev.x.<script>alert(1)</script>.run", Mode.AVERAGE_TIME,
                Map.of("p", "\"><img src=x onerror=alert(1)>"));

        String html = HistoryReport.render(List.of(steppedTrend(hostile)), "linux-x86_64", HistoryReport.Format.HTML);

        assertThat(html).doesNotContain("<script>", "<img").contains("&lt;script&gt;");
    }

    private static final String SHA = "ceee8991180f4e2ba2680787c3b8aaa1aa320e36";

    private static final CommitLinks GITHUB = CommitLinks.fromRemote("git@github.com:o/r.git").orElseThrow();

    /** Twenty runs as {@link #steppedTrend}, each of commit {@code commit}. */
    private static Trend trendOfCommit(String runId, String commit, double error) {
        List<Trend.Point> points = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            points.add(new Trend.Point(runId + i, Instant.parse("2026-10-01T08:00:00Z").plusSeconds(3600L * i),
                    commit, i < 12 ? 100 : 120, error));
        }
        return new Trend(ID, "us/op", points, List.of(new ChangePoints.ChangePoint(12, 100, 120, 0.001)));
    }

    @Test
    void everyPointTellsItsRunTimeCommitAndScoreOnHover() {
        String html = HistoryReport.render(List.of(trendOfCommit("20261001T080000Z-", SHA, 1.25)), "linux-x86_64",
                HistoryReport.Format.HTML, t -> null, CommitLinks.NONE);

        assertThat(html).contains("<g class=\"pts\">")
                .contains("r=\"6\"><title>run 20261001T080000Z-0\n2026-10-01 08:00 UTC\ncommit ceee8991180f\n"
                        + "100 \u00b1 1.25 us/op</title></circle>")
                .contains("<title>run 20261001T080000Z-19\n2026-10-02 03:00 UTC\n");
        assertThat(html.split("<circle ", -1)).hasSize(21);
    }

    @Test
    void aPointWithoutCommitOrErrorLeavesThemOut() {
        String html = HistoryReport.render(List.of(trendOfCommit("run-", "", Double.NaN)), "linux-x86_64",
                HistoryReport.Format.HTML, t -> null, GITHUB);

        assertThat(html).contains("<title>run run-0\n2026-10-01 08:00 UTC\n100 us/op</title>")
                .doesNotContain("commit \n", "\u00b1", "<a href");
    }

    @Test
    void pointsAndChangePointsLinkToTheirCommitWhenTheRepositoryIsKnown() {
        String html = HistoryReport.render(List.of(trendOfCommit("run-", SHA, 1)), "linux-x86_64",
                HistoryReport.Format.HTML, t -> null, GITHUB);

        String href = "<a href=\"https://github.com/o/r/commit/" + SHA + "\">";
        assertThat(html.split(java.util.regex.Pattern.quote(href + "<circle "), -1)).hasSize(21);
        assertThat(html).contains("Change point: +20.0% at run 13 (2026-10-01T20:00:00Z, commit " + href
                        + "ceee8991180f</a>): 100 -&gt; 120 us/op</p>")
                .contains("click it for the commit at https://github.com/o/r");
        assertThat(html).doesNotContain("<script", " src=", "<link", "javascript:", " on");
    }

    @Test
    void withoutARepositoryNothingIsLinked() {
        String html = HistoryReport.render(List.of(trendOfCommit("run-", SHA, 1)), "linux-x86_64",
                HistoryReport.Format.HTML, t -> null, CommitLinks.NONE);

        assertThat(html).doesNotContain("<a ", "href", "http://", "https://")
                .contains("Change point: +20.0% at run 13 (2026-10-01T20:00:00Z, commit ceee8991180f): 100 -&gt; 120");
        assertThat(HistoryReport.render(List.of(trendOfCommit("run-", SHA, 1)), "linux-x86_64",
                HistoryReport.Format.HTML)).isEqualTo(html);
    }

    @Test
    void hostileRunIdsAndCommitsAreEscapedAndNeverLinked() {
        String hostile = "\"><script>alert(1)</script><a href='javascript:x'>";
        String html = HistoryReport.render(List.of(trendOfCommit(hostile, hostile, 1)), "linux-x86_64",
                HistoryReport.Format.HTML, t -> null, GITHUB);

        assertThat(html).doesNotContain("<script", "<a ", "href=\"", "href='", "javascript:x'")
                .contains("<title>run &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&#39;javascript:x&#39;"
                        + "&gt;0\n")
                .contains("\ncommit &quot;&gt;&lt;script&gt;al\n");
        String newline = HistoryReport.render(List.of(trendOfCommit("run\n-", "abc1234\r\n", 1)), "linux-x86_64",
                HistoryReport.Format.HTML, t -> null, GITHUB);
        assertThat(newline).contains("<title>run run?-0\n").contains("\ncommit abc1234??\n").doesNotContain("<a ");
    }

    @Test
    void aTemplateAddressIsEscapedInTheAttribute() {
        CommitLinks template = CommitLinks.given("https://git.example.org/view?p=r&a=commit&h={commit}").orElseThrow();
        String html = HistoryReport.render(List.of(trendOfCommit("run-", SHA, 1)), "linux-x86_64",
                HistoryReport.Format.HTML, t -> null, template);

        assertThat(html).contains("<a href=\"https://git.example.org/view?p=r&amp;a=commit&amp;h=" + SHA + "\">")
                .doesNotContain("&a=commit");
    }

    /**
     * 50 benchmarks of 1,000 runs, each run of its own commit, with links: the page's size per point
     * (docs/user-guide.md gives it). A point costs its hit circle, its title and its link.
     */
    @Test
    void aLongHistoryCostsAboutAQuarterKilobyteAPoint() {
        List<Trend> trends = new ArrayList<>();
        java.util.Random random = new java.util.Random(1);
        for (int b = 0; b < 50; b++) {
            List<Trend.Point> points = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * 7 * i);
                String commit = String.format("%040x", new java.math.BigInteger(160, random));
                points.add(new Trend.Point(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(java.time.ZoneOffset.UTC).format(at) + "-" + commit.substring(0, 6), at, commit,
                        300 + random.nextGaussian() * 10, 3 + random.nextDouble()));
            }
            trends.add(new Trend(BenchmarkId.of("dev.x.Kernel.run" + b, Mode.AVERAGE_TIME, Map.of("n", "10")),
                    "us/op", points, List.of()));
        }

        String linked = HistoryReport.render(trends, "linux-x86_64", HistoryReport.Format.HTML, t -> null, GITHUB);
        String plain = HistoryReport.render(trends, "linux-x86_64", HistoryReport.Format.HTML);

        int bytes = linked.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int plainBytes = plain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        System.out.printf("history page of 50 x 1000 points: %d bytes with links, %d without%n", bytes, plainBytes);
        assertThat(bytes / 50_000).isLessThan(260);
        assertThat(plainBytes / 50_000).isLessThan(170);
    }
}

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
}

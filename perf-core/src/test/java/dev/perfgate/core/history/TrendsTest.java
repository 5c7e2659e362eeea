package dev.perfgate.core.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.Run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static dev.perfgate.core.history.HistoryFixtures.LINUX;
import static org.assertj.core.api.Assertions.assertThat;

class TrendsTest {

    @TempDir
    Path project;

    private Trends.Result read(int lastRuns) throws Exception {
        HistoryStore store = new HistoryStore(project, Clock.systemUTC());
        for (int i = 1; i <= 30; i++) {
            store.append(LINUX, HistoryFixtures.smallRun("run-" + i, 1000.0 + i));
        }
        store.append(LINUX, HistoryFixtures.approvalRecord());
        return new Trends(store, ChangePoints.defaults()).read(store.path(LINUX), id -> true, lastRuns);
    }

    @Test
    void lastRunsKeepsTheMostRecentPointsOldestFirst() throws Exception {
        Trends.Result result = read(20);

        assertThat(result.trends()).singleElement().satisfies(t -> {
            assertThat(t.points()).hasSize(20);
            assertThat(t.points().get(0).runId()).isEqualTo("run-11");
            assertThat(t.latest().runId()).isEqualTo("run-30");
            assertThat(t.latest().score()).isEqualTo(1030.0);
        });
    }

    @Test
    void zeroLastRunsKeepsEveryPoint() throws Exception {
        assertThat(read(0).trends()).singleElement().satisfies(t -> assertThat(t.points()).hasSize(30));
    }

    @Test
    void filterLeavesOtherBenchmarksOut() throws Exception {
        HistoryStore store = new HistoryStore(project, Clock.systemUTC());
        store.append(LINUX, HistoryFixtures.runRecord());

        Trends.Result result = new Trends(store, ChangePoints.defaults()).read(store.path(LINUX),
                HistoryFixtures.COSINE::equals, 5);

        assertThat(result.trends()).singleElement()
                .satisfies(t -> assertThat(t.id()).isEqualTo(HistoryFixtures.COSINE));
    }

    @Test
    void runsOnAnotherHostClassMakeATrendOfTheirOwn() throws Exception {
        HistoryStore store = new HistoryStore(project, Clock.systemUTC());
        HostIdentity avx2 = new HostIdentity(new HostClass(LINUX, List.of("avx", "avx2"), 256, 2, 17), "17.0.15",
                Map.of(), "", null);
        HostIdentity avx512 = new HostIdentity(new HostClass(LINUX, List.of("avx", "avx2", "avx512f"), 512, 2, 17),
                "17.0.15", Map.of(), "", null);
        for (int i = 1; i <= 6; i++) {
            Run run = HistoryFixtures.smallRun("run-" + i, i % 2 == 0 ? 2000.0 : 1000.0).run();
            store.append(LINUX, new HistoryRecord.RunRecord(new Run(run.runId(), run.timestamp(), run.commit(),
                    run.branch(), run.platform(), run.fingerprint(), i % 2 == 0 ? avx512 : avx2, run.results())));
        }

        Trends.Result result = new Trends(store, ChangePoints.defaults()).read(store.path(LINUX), id -> true, 0);

        assertThat(result.trends()).extracting(Trend::hostClass)
                .containsExactlyInAnyOrder(avx2.hostClass(), avx512.hostClass());
        Trend onAvx2 = result.trends().stream().filter(t -> t.hostClass().equals(avx2.hostClass())).findFirst()
                .orElseThrow();
        Trend onAvx512 = result.trends().stream().filter(t -> t.hostClass().equals(avx512.hostClass())).findFirst()
                .orElseThrow();
        assertThat(onAvx2.points()).extracting(Trend.Point::score).containsOnly(1000.0);
        assertThat(onAvx512.points()).extracting(Trend.Point::runId).containsExactly("run-2", "run-4", "run-6");
        assertThat(onAvx512.changePoints()).as("no trend line joins the two hosts").isEmpty();
    }
}

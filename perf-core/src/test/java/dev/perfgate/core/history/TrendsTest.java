package dev.perfgate.core.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

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
}

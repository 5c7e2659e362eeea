package dev.perfgate.core.history;

import dev.perfgate.core.fixtures.ProjectFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

import static dev.perfgate.core.fixtures.ProjectFixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryIndexCacheTest {

    @TempDir
    Path dir;

    private Path history() {
        return dir.resolve("project").resolve("history").resolve(PLATFORM + ".jsonl");
    }

    private HistoryIndexCache cache() {
        return new HistoryIndexCache(dir.resolve("cache"));
    }

    private static void assertSameIndex(HistoryIndex actual, HistoryIndex expected) {
        assertThat(actual.runs()).isEqualTo(expected.runs());
        assertThat(actual.approvals()).isEqualTo(expected.approvals());
        assertThat(actual.series().keySet()).isEqualTo(expected.series().keySet());
        expected.series().forEach((id, list) -> assertThat(actual.series(id).stream()
                .map(s -> s.toTrend(ChangePoints.defaults())).toList())
                .isEqualTo(list.stream().map(s -> s.toTrend(ChangePoints.defaults())).toList()));
        assertThat(actual.tornLastLine()).isEqualTo(expected.tornLastLine());
    }

    private long cachedBytes(HistoryIndexCache cache) throws Exception {
        try (FileChannel channel = FileChannel.open(history(), StandardOpenOption.READ)) {
            return cache.lookup(history(), channel).map(HistoryIndexCache.Hit::bytes).orElse(-1L);
        }
    }

    @Test
    void aHistoryThatGrewIsReadFromTheCacheAndItsNewLinesOnly() throws Exception {
        ProjectFixtures.project(dir.resolve("project"), 12, 8);
        HistoryIndexCache cache = cache();
        new HistoryReader(cache).index(history());
        assertThat(cachedBytes(cache)).isEqualTo(Files.size(history()));
        new HistoryStore(dir.resolve("project"), Clock.systemUTC()).append(PLATFORM,
                new HistoryRecord.RunRecord(ProjectFixtures.run(12, ProjectFixtures.resultsOf(12, 8))));

        HistoryIndex grown = new HistoryReader(cache).index(history());

        assertSameIndex(grown, new HistoryReader().index(history()));
        assertThat(grown.runs()).hasSize(13);
        assertThat(grown.runs().get(12).lineNo()).isEqualTo(14);
        assertThat(cachedBytes(cache)).isEqualTo(Files.size(history()));
    }

    @Test
    void anUnchangedHistoryReadsTheSameFromTheCache() throws Exception {
        ProjectFixtures.project(dir.resolve("project"), 6, 3);
        HistoryIndexCache cache = cache();
        HistoryIndex first = new HistoryReader(cache).index(history());

        HistoryIndex again = new HistoryReader(cache).index(history());

        assertSameIndex(again, first);
    }

    @Test
    void aRewrittenHistoryIsReadInFull() throws Exception {
        ProjectFixtures.project(dir.resolve("project"), 6, 3);
        HistoryIndexCache cache = cache();
        new HistoryReader(cache).index(history());
        Files.writeString(history(), Files.readString(history()).replace("\"run-00000\"", "\"run-0000X\""));

        assertThat(cachedBytes(cache)).isEqualTo(-1);
        HistoryIndex reread = new HistoryReader(cache).index(history());
        assertThat(reread.runs().get(0).runId()).isEqualTo("run-0000X");
    }

    @Test
    void aTruncatedHistoryIsReadInFull() throws Exception {
        ProjectFixtures.project(dir.resolve("project"), 6, 3);
        HistoryIndexCache cache = cache();
        new HistoryReader(cache).index(history());
        var lines = Files.readAllLines(history());
        Files.write(history(), lines.subList(0, 4));

        HistoryIndex shorter = new HistoryReader(cache).index(history());

        assertThat(shorter.runs()).hasSize(3);
    }

    @Test
    void aDamagedCacheFileIsIgnored() throws Exception {
        ProjectFixtures.project(dir.resolve("project"), 6, 3);
        HistoryIndexCache cache = cache();
        HistoryIndex first = new HistoryReader(cache).index(history());
        Files.writeString(cache.fileFor(history()), "garbage");

        assertSameIndex(new HistoryReader(cache).index(history()), first);
    }

    @Test
    void aLastLineWithoutLineEndIsNotCached() throws Exception {
        ProjectFixtures.project(dir.resolve("project"), 4, 2);
        Files.writeString(history(), "{\"schema\":1,\"type\":\"run\"", StandardOpenOption.APPEND);
        HistoryIndexCache cache = cache();

        HistoryIndex index = new HistoryReader(cache).index(history());

        assertThat(index.tornLastLine()).isTrue();
        assertThat(cache.has(history())).isFalse();
    }
}

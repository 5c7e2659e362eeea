package dev.perfgate.cli;

import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.PlatformKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code record --from-history}: how CI moves runs recorded on its runners into the shared history. */
class RecordFromHistoryTest {

    @TempDir
    Path dir;

    @Test
    void appendsTheRunsOfAnotherHistoryToTheirPlatformsOnceEach() throws Exception {
        Path runner = dir.resolve("runner");
        Path shared = dir.resolve("shared");
        String results = Cli.jmhFixture("gc-params-forks.json").toString();
        assertThat(Cli.run("record", "--project-dir", runner.toString(), "--platform", "linux-aarch64",
                "--results", results, "--commit", "c1", "--branch", "main").exitCode()).isZero();
        Path recorded = runner.resolve("history").resolve("linux-aarch64.jsonl");

        Cli.Result first = Cli.run("record", "--project-dir", shared.toString(), "--platform", "linux-x86_64",
                "--from-history", recorded.toString());
        Cli.Result again = Cli.run("record", "--project-dir", shared.toString(), "--from-history", recorded.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("recorded run").contains("commit c1");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("is already in");
        assertThat(shared.resolve("history").resolve("linux-x86_64.jsonl")).doesNotExist();
        Path copy = shared.resolve("history").resolve("linux-aarch64.jsonl");
        assertThat(Files.readAllLines(copy)).containsExactlyElementsOf(Files.readAllLines(recorded));
        List<HistoryRecord> records = new HistoryStore(shared, Clock.systemUTC())
                .readAll(PlatformKey.parse("linux-aarch64"));
        assertThat(records).singleElement().isInstanceOf(HistoryRecord.RunRecord.class);
    }

    @Test
    void refusesAFileWithoutRunsAndABadLineWithExitCode2() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"schema\":1,\"type\":\"run\"}\n");

        Cli.Result none = Cli.run("record", "--project-dir", dir.toString(), "--from-history", empty.toString());
        Cli.Result broken = Cli.run("record", "--project-dir", dir.toString(), "--from-history", bad.toString());

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("holds no runs");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("bad.jsonl").contains("line 1");
        assertThat(dir.resolve("history")).doesNotExist();
    }
}

package dev.perfgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code perf-gate history compact}: what it prints, keeps and refuses, and its exit codes. */
class HistoryCompactCommandTest {

    private static final String PLATFORM = "linux-x86_64";

    @TempDir
    Path dir;

    /** {@code perf-gate history <command> --project-dir dir --platform linux-x86_64 args...}. */
    private Cli.Result sub(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("history", command, "--project-dir", dir.toString(), "--platform",
                PLATFORM));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private Path history() {
        return dir.resolve("history").resolve(PLATFORM + ".jsonl");
    }

    /**
     * An approved run (in the baseline and named by the approval line), then ten more runs copied from a
     * recorded one under new ids.
     */
    private void project() throws Exception {
        String results = Cli.jmhFixture("gc-params-forks.json").toString();
        Cli.Result approve = Cli.inProject(dir, PLATFORM, "approve", "--results", results, "--reason", "first",
                "--allow-noisy", "--allow-unsettled", "--commit", "c0", "--branch", "main");
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        Cli.Result record = Cli.inProject(dir, PLATFORM, "record", "--results", results, "--commit", "c1", "--branch",
                "main");
        assertThat(record.exitCode()).as(record.toString()).isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(history(), StandardCharsets.UTF_8));
        String recorded = lines.remove(lines.size() - 1);
        String id = recorded.substring(recorded.indexOf("\"run_id\":\"") + 10);
        id = id.substring(0, id.indexOf('"'));
        for (int i = 0; i < 10; i++) {
            lines.add(recorded.replace(id, "copy-" + i));
        }
        Files.write(history(), lines, StandardCharsets.UTF_8);
    }

    @Test
    void compactsOldRunsKeepsTheApprovedOneAndSaysWhatItDid() throws Exception {
        project();
        List<String> before = Files.readAllLines(history(), StandardCharsets.UTF_8);

        Cli.Result compact = sub("compact", "--keep-samples", "3");

        assertThat(compact.exitCode()).as(compact.toString()).isZero();
        assertThat(compact.out()).contains(history() + ": 12 lines: 11 runs, 1 approval")
                .contains("compacted 7 runs (samples dropped, summaries kept)")
                .contains("kept whole 4 runs: 3 within --keep-samples 3, 1 approved, 1 in the baseline, "
                        + "0 at or just before a change point")
                .contains("already compact 0 runs")
                .containsPattern("\\d+ -> \\d+ bytes \\(\\d+\\.\\dx smaller\\)");
        List<String> after = Files.readAllLines(history(), StandardCharsets.UTF_8);
        assertThat(after.subList(0, 2)).isEqualTo(before.subList(0, 2));
        assertThat(after.subList(2, 9)).allSatisfy(l -> assertThat(l).contains("\"compacted\":true")
                .doesNotContain("\"samples\""));
        assertThat(after.subList(9, 12)).isEqualTo(before.subList(9, 12));

        Cli.Result verify = sub("verify");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("12 records in 12 lines, OK");
        Cli.Result trend = Cli.inProject(dir, PLATFORM, "history", "--format", "json");
        assertThat(trend.exitCode()).as(trend.toString()).isZero();

        byte[] once = Files.readAllBytes(history());
        Cli.Result again = sub("compact", "--keep-samples", "3");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("compacted 0 runs").contains("already compact 7 runs")
                .contains("(unchanged, nothing written)");
        assertThat(Files.readAllBytes(history())).isEqualTo(once);
    }

    @Test
    void aCompactedRunIsCopiedByRecordFromHistoryAsItIs() throws Exception {
        project();
        assertThat(sub("compact", "--keep-samples", "0").exitCode()).isZero();
        Path shared = dir.resolve("shared");

        Cli.Result copy = Cli.run("record", "--project-dir", shared.toString(), "--from-history", history().toString());

        assertThat(copy.exitCode()).as(copy.toString()).isZero();
        List<String> runs = Files.readAllLines(history(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("\"type\":\"run\"")).toList();
        assertThat(Files.readAllLines(shared.resolve("history").resolve(PLATFORM + ".jsonl"), StandardCharsets.UTF_8))
                .isEqualTo(runs);
    }

    @Test
    void badInputIsExit2WithOneLineNamingFileAndLineAndTheFileIsUntouched() throws Exception {
        project();
        List<String> lines = new ArrayList<>(Files.readAllLines(history(), StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replace("\"type\":\"run\"", "\"type\":\"walk\""));
        Files.write(history(), lines, StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(history());

        Cli.Result bad = sub("compact");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).doesNotContain("\n").contains(history().toString()).contains("line 3")
                .contains("walk");
        assertThat(Files.readAllBytes(history())).isEqualTo(before);
    }

    @Test
    void aBadKeepSamplesOrAMissingHistoryIsExit2() {
        Cli.Result option = sub("compact", "--keep-samples", "3 weeks");
        Cli.Result missing = sub("compact");

        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("--keep-samples").contains("90d");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains(history().toString()).contains("no such history file");
        assertThat(dir.resolve("history").resolve(PLATFORM + ".jsonl")).doesNotExist();
    }
}

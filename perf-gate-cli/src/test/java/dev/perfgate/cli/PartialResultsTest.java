package dev.perfgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results a stopped run keeps ({@code NAME.partial.json}): check, merge and approve read them
 * and say they are partial; check reports the benchmarks that did not run and never passes.
 */
class PartialResultsTest {

    private static final String PLATFORM = "linux-x86_64";

    @TempDir
    Path dir;

    /** The first {@code count} results of the 5 in the fixture, as JMH wrote them, in {@code name}. */
    private Path firstResults(String name, int from, int to) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = (ArrayNode) json.readTree(Cli.jmhFixture("gc-params-forks.json").toFile());
        ArrayNode some = json.createArrayNode();
        for (int i = from; i < to; i++) {
            some.add(all.get(i));
        }
        Path file = dir.resolve(name);
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), some);
        return file;
    }

    @Test
    void partialFileNameSitsBesideTheResults() {
        assertThat(PartialResults.pathFor(Path.of("t", "q.json"))).isEqualTo(Path.of("t", "q.partial.json"));
        assertThat(PartialResults.pathFor(Path.of("results"))).isEqualTo(Path.of("results.partial.json"));
        assertThat(PartialResults.isPartial(Path.of("q.partial.json"))).isTrue();
        assertThat(PartialResults.isPartial(Path.of("q.json"))).isFalse();
    }

    @Test
    void checkOfAPartialResultReportsWhatDidNotRunAndDoesNotPass() throws Exception {
        Cli.Result approved = Cli.inProject(dir, PLATFORM, "approve", "--reason", "baseline", "--allow-noisy",
                "--allow-unsettled", "--results", Cli.jmhFixture("gc-params-forks.json").toString());
        assertThat(approved.exitCode()).as(approved.toString()).isZero();

        Cli.Result check = Cli.inProject(dir, PLATFORM, "check", "--results",
                firstResults("q.partial.json", 0, 2).toString());

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(check.err()).contains("q.partial.json is a partial result").contains("INCOMPLETE");
        assertThat(check.out()).contains("3 benchmarks of the baseline did not run");
    }

    @Test
    void approveOfAPartialResultSaysItApprovesOnlyWhatFinished() throws Exception {
        Cli.Result approved = Cli.inProject(dir, PLATFORM, "approve", "--reason", "kept", "--allow-noisy",
                "--allow-unsettled", "--results", firstResults("q.partial.json", 0, 2).toString());

        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(approved.err()).contains("approving only the benchmarks that finished");
        assertThat(approved.out()).contains("approved 2 benchmarks");
    }

    @Test
    void mergeWithAPartialInputWritesAPartialFile() throws Exception {
        Path merged = dir.resolve("merged.json");
        Cli.Result result = Cli.run("merge", "--out", merged.toString(),
                firstResults("a.partial.json", 0, 2).toString(), firstResults("b.json", 2, 4).toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(merged).doesNotExist();
        assertThat(dir.resolve("merged.partial.json")).exists();
        assertThat(result.err()).contains("a.partial.json is a partial result").contains("merged.partial.json");
    }

    @Test
    void keepMergesTheEarlierGroupsWithTheFinishedBenchmarksOfTheStoppedOne() throws Exception {
        Path group1 = firstResults("r.group-1.json", 0, 2);
        Path finished = firstResults("r.group-2.partial.json", 2, 3);

        String said = PartialResults.keep(List.of(group1), finished, dir.resolve("r.json"));

        assertThat(said).contains("kept the 3 benchmarks that finished in " + dir.resolve("r.partial.json"));
        assertThat(CommandSupport.read(dir.resolve("r.partial.json"))).hasSize(3);
        assertThat(group1).doesNotExist();
        assertThat(finished).doesNotExist();
        assertThat(PartialResults.keep(List.of(), dir.resolve("none.partial.json"), dir.resolve("none.json")))
                .contains("no benchmark had finished");
        assertThat(Files.exists(dir.resolve("none.partial.json"))).isFalse();
    }
}

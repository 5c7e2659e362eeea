package dev.perfgate.cli;

import dev.perfgate.core.platform.Vcs;
import dev.perfgate.core.report.CommitLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code history --format html}: where its commit links come from. */
class HistoryCommandTest {

    private static final String PLATFORM = "linux-x86_64";
    private static final String SHA1 = "ceee8991180f4e2ba2680787c3b8aaa1aa320e36";
    private static final String SHA2 = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    /** {@code history} in the project with {@code env} as its environment. */
    private Cli.Result history(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = PerfGate.commandLine();
        ((HistoryCommand) cmd.getSubcommands().get("history").getCommand()).environment = env;
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("history", "--project-dir", dir.toString(), "--platform", PLATFORM));
        all.addAll(List.of(args));
        int code = cmd.execute(all.toArray(String[]::new));
        return new Cli.Result(code, out.toString(), err.toString());
    }

    private void recordTwoRuns() {
        String file = Cli.jmhFixture("gc-params-forks.json").toString();
        for (String sha : List.of(SHA1, SHA2)) {
            Cli.Result recorded = Cli.inProject(dir, PLATFORM, "record", "--results", file, "--commit", sha,
                    "--branch", "main");
            assertThat(recorded.exitCode()).as(recorded.toString()).isZero();
        }
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    @Test
    void thePageLinksCommitsToTheGitRemoteOfTheProject() throws Exception {
        git(dir, "init", "-q");
        git(dir, "remote", "add", "origin", "git@github.com:perf-org/perfgate.git");
        recordTwoRuns();

        Cli.Result page = history(Map.of(), "--format", "html");

        assertThat(page.exitCode()).as(page.toString()).isZero();
        assertThat(page.out()).contains("<a href=\"https://github.com/perf-org/perfgate/commit/" + SHA1 + "\"><circle ",
                        "<a href=\"https://github.com/perf-org/perfgate/commit/" + SHA2 + "\"><circle ",
                        "\ncommit ceee8991180f\n")
                .doesNotContain("<script");
        assertThat(page.err()).contains("links commits to https://github.com/perf-org/perfgate");
        assertThat(history(Map.of(), "--format", "text").err()).doesNotContain("links commits");
    }

    @Test
    void theRemoteIsReadFromARealRepositoryAndItsUrlForms() throws Exception {
        git(dir, "init", "-q");
        assertThat(Vcs.git("git", dir, Duration.ofSeconds(10), "config", "--get", "remote.origin.url")).isEmpty();
        assertThat(HistoryCommand.detectLinks(dir, Map.of())).isSameAs(CommitLinks.NONE);

        git(dir, "remote", "add", "origin", "https://x-access-token:secret@github.com/o/r.git");
        assertThat(Vcs.git("git", dir, Duration.ofSeconds(10), "config", "--get", "remote.origin.url"))
                .hasValue("https://x-access-token:secret@github.com/o/r.git");
        assertThat(HistoryCommand.detectLinks(dir, Map.of()).repository()).isEqualTo("https://github.com/o/r");

        git(dir, "remote", "set-url", "origin", "/srv/git/r.git");
        assertThat(HistoryCommand.detectLinks(dir, Map.of())).isSameAs(CommitLinks.NONE);
        git(dir, "remote", "set-url", "origin", "git@git.example.org:o/r.git");
        assertThat(HistoryCommand.detectLinks(dir, Map.of())).isSameAs(CommitLinks.NONE);
    }

    @Test
    void aCiEnvironmentComesBeforeTheRemote() throws Exception {
        git(dir, "init", "-q");
        git(dir, "remote", "add", "origin", "git@github.com:o/r.git");

        assertThat(HistoryCommand.detectLinks(dir, Map.of("GITHUB_SERVER_URL", "https://ghe.example.com",
                "GITHUB_REPOSITORY", "team/app")).link(SHA1)).hasValue("https://ghe.example.com/team/app/commit/" + SHA1);
        assertThat(HistoryCommand.detectLinks(dir, Map.of("CI_PROJECT_URL", "https://git.example.org/g/app"))
                .link(SHA1)).hasValue("https://git.example.org/g/app/-/commit/" + SHA1);

        recordTwoRuns();
        Cli.Result page = history(Map.of("CI_PROJECT_URL", "https://git.example.org/g/app"), "--format", "html");
        assertThat(page.out()).contains("<a href=\"https://git.example.org/g/app/-/commit/" + SHA2 + "\">");
    }

    @Test
    void repositoryUrlOverridesDetectionAndNoneTurnsLinksOff() throws Exception {
        git(dir, "init", "-q");
        git(dir, "remote", "add", "origin", "git@github.com:o/r.git");
        recordTwoRuns();
        Map<String, String> ci = Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "ci/repo");

        Cli.Result given = history(ci, "--format", "html", "--repository-url", "https://git.example.org/o/r.git");
        assertThat(given.out()).contains("<a href=\"https://git.example.org/o/r/commit/" + SHA1 + "\">")
                .doesNotContain("github.com");
        assertThat(given.err()).doesNotContain("links commits");

        Cli.Result none = history(ci, "--format", "html", "--repository-url", "none");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).doesNotContain("<a ", "href", "https://").contains("\ncommit ceee8991180f\n");

        Cli.Result bad = history(ci, "--format", "html", "--repository-url", "javascript:alert(1)");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--repository-url must be an http(s) address");
    }

    @Test
    void withoutGitRepositoryOrRemoteThePageHasNoLinksAndNoError() {
        recordTwoRuns();

        Cli.Result page = history(Map.of(), "--format", "html");

        assertThat(page.exitCode()).as(page.toString()).isZero();
        assertThat(page.out()).doesNotContain("<a ", "href").contains("\ncommit ceee8991180f\n");
        assertThat(page.err()).isEmpty();
        assertThat(HistoryCommand.detectLinks(dir.resolve("missing"), Map.of())).isSameAs(CommitLinks.NONE);
        assertThat(Vcs.git(dir.resolve("no-such-git").toString(), dir, Duration.ofSeconds(5), "config", "--get", "remote.origin.url"))
                .isEmpty();
    }

    @Test
    void aGitThatHangsIsStoppedAtTheTimeout() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        Path slowGit = dir.resolve("slow-git");
        Files.writeString(slowGit, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(slowGit, PosixFilePermissions.fromString("rwx------"));

        long start = System.nanoTime();
        assertThat(Vcs.git(slowGit.toString(), dir, Duration.ofMillis(300), "config", "--get", "remote.origin.url")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}

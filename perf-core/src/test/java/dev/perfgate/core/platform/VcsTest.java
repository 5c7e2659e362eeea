package dev.perfgate.core.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class VcsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheCommitAndBranchOfARealRepository() throws Exception {
        assumeTrue(System.getenv("GITHUB_SHA") == null, "GitHub Actions' environment names the commit");
        assumeTrue(git("--version").startsWith("git version"), "git is installed");
        git("init", "-q", "-b", "perf-work");
        Files.writeString(dir.resolve("a.txt"), "a");
        git("add", "a.txt");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        String head = git("rev-parse", "HEAD");

        assertThat(Vcs.of(dir)).isEqualTo(new Vcs(head, "perf-work"));
    }

    @Test
    void isEmptyOutsideARepository() {
        assumeTrue(System.getenv("GITHUB_SHA") == null, "GitHub Actions' environment names the commit");

        assertThat(Vcs.of(dir.resolve("not-a-repository"))).isEqualTo(new Vcs("", ""));
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out;
    }
}

package dev.perfgate.core.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The commit and branch a run belongs to when not given on the command line: from GitHub Actions'
 * environment ({@code GITHUB_SHA}, {@code GITHUB_HEAD_REF} or {@code GITHUB_REF_NAME}), else from
 * {@code git} in the project directory, else empty.
 *
 * @param commit the commit; empty when unknown
 * @param branch the branch; empty when unknown or detached
 */
public record Vcs(String commit, String branch) {

    /** The commit and branch of the project directory's working tree. */
    public static Vcs of(Path projectDir) {
        Map<String, String> env = System.getenv();
        String commit = env.getOrDefault("GITHUB_SHA", "");
        String branch = env.getOrDefault("GITHUB_HEAD_REF", "");
        if (branch.isEmpty()) {
            branch = env.getOrDefault("GITHUB_REF_NAME", "");
        }
        if (commit.isEmpty()) {
            commit = git(projectDir, "rev-parse", "HEAD");
        }
        if (branch.isEmpty()) {
            branch = git(projectDir, "rev-parse", "--abbrev-ref", "HEAD");
        }
        return new Vcs(commit, "HEAD".equals(branch) ? "" : branch);
    }

    private static String git(Path dir, String... args) {
        try {
            String[] command = new String[args.length + 3];
            command[0] = "git";
            command[1] = "-C";
            command[2] = dir.toAbsolutePath().toString();
            System.arraycopy(args, 0, command, 3, args.length);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return p.exitValue() == 0 && !out.contains("\n") ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}

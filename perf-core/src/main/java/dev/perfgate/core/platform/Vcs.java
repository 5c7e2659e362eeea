package dev.perfgate.core.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** How long git may take before it is stopped and taken as having no answer. */
    public static final Duration GIT_TIMEOUT = Duration.ofSeconds(3);

    /** The URL of the remote {@code origin} of the directory's repository, when git tells. */
    public static Optional<String> originUrl(Path dir) {
        return git("git", dir, GIT_TIMEOUT, "config", "--get", "remote.origin.url");
    }

    private static String git(Path dir, String... args) {
        return git("git", dir, GIT_TIMEOUT, args).orElse("");
    }

    /**
     * Runs {@code git -C dir args...}; its one line of output, or empty when git is missing, the
     * directory is no repository, git fails or prints several lines, or it takes longer than
     * {@code timeout} (then it is killed). Never throws, never waits on a prompt.
     *
     * @param git the git executable
     */
    public static Optional<String> git(String git, Path dir, Duration timeout, String... args) {
        Process process = null;
        try {
            List<String> command = new ArrayList<>(List.of(git, "-C", dir.toAbsolutePath().toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            process = builder.start();
            process.getOutputStream().close();
            // The answers asked for are one short line, far below a pipe's buffer: git never waits for
            // them to be read, so waiting first is safe and bounds the time.
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            }
            return out.isEmpty() || out.contains("\n") ? Optional.empty() : Optional.of(out);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}

package dev.perfgate.cli.init;

import dev.perfgate.core.model.PlatformKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What {@code perf-gate init} writes into the caller workflows, checked so that each value is one
 * line GitHub takes literally: no line breaks, no {@code ${{ }}} expression (GitHub would evaluate
 * it). Messages name the option that sets the value.
 *
 * @param buildCommand  builds the benchmarks jar, run at the repository root ({@code --build-command})
 * @param benchmarksJar the built jar relative to the repository root, a glob allowed ({@code --benchmarks-jar})
 * @param include       JMH include regex ({@code --include})
 * @param platforms     perf-gate platform keys, at least one, no repeats ({@code --platforms})
 * @param javaVersion   JDK feature version, 17 or later ({@code --java-version})
 * @param defaultBranch the branch whose pushes are gated and recorded ({@code --default-branch})
 * @param runners       the runner labels of platforms that run on the user's own runners, in the
 *                      order given; empty for GitHub-hosted runners only ({@code --runner})
 */
public record InitSettings(String buildCommand, String benchmarksJar, String include, List<String> platforms,
                           String javaVersion, String defaultBranch, Map<String, List<String>> runners) {

    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final Pattern LABEL = Pattern.compile("[^\\s,\"'$\\\\{}\\p{Cntrl}]+");

    public InitSettings {
        line("--build-command", buildCommand);
        line("--benchmarks-jar", benchmarksJar);
        line("--include", include);
        line("--default-branch", defaultBranch);
        try {
            Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--include: not a valid regular expression: " + e.getDescription());
        }
        if (jarPathEscapes(benchmarksJar)) {
            throw new IllegalArgumentException("--benchmarks-jar must be a path inside the repository, relative to "
                    + "its root, but was '" + benchmarksJar + "'");
        }
        if (platforms.isEmpty()) {
            throw new IllegalArgumentException("--platforms must name at least one platform");
        }
        for (String platform : platforms) {
            try {
                PlatformKey.parse(platform);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--platforms: " + e.getMessage());
            }
        }
        if (new LinkedHashSet<>(platforms).size() != platforms.size()) {
            throw new IllegalArgumentException("--platforms names a platform twice: " + String.join(",", platforms));
        }
        platforms = List.copyOf(platforms);
        if (!javaVersion.matches("\\d{1,3}") || Integer.parseInt(javaVersion) < BuildDetector.MIN_JAVA) {
            throw new IllegalArgumentException("--java-version must be a JDK feature version, "
                    + BuildDetector.MIN_JAVA + " or later, but was '" + javaVersion + "'");
        }
        if (!BRANCH.matcher(defaultBranch).matches() || defaultBranch.contains("..")) {
            throw new IllegalArgumentException("--default-branch is not a branch name: '" + defaultBranch + "'");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> runner : runners.entrySet()) {
            if (!platforms.contains(runner.getKey())) {
                throw new IllegalArgumentException("--runner " + runner.getKey() + ": not one of the platforms ("
                        + String.join(",", platforms) + ")");
            }
            if (runner.getValue().isEmpty() || !runner.getValue().stream().allMatch(l -> LABEL.matcher(l).matches())) {
                throw new IllegalArgumentException("--runner " + runner.getKey() + "=" + String.join(",", runner.getValue())
                        + ": the runner's labels must be one or more comma-separated labels, each without spaces, "
                        + "quotes or '$', e.g. --runner " + runner.getKey() + "=self-hosted,linux,x64,perf");
            }
            copy.put(runner.getKey(), List.copyOf(runner.getValue()));
        }
        runners = Collections.unmodifiableMap(copy);
    }

    /** The runners as the reusable workflows' {@code runners} input takes them: a JSON object, or "" when none. */
    public String runnersJson() {
        if (runners.isEmpty()) {
            return "";
        }
        try {
            return new ObjectMapper().writeValueAsString(runners);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels of plain characters did not serialise", e);
        }
    }

    private static void line(String option, String value) {
        Objects.requireNonNull(value, option);
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(option + " must be one line without control characters");
        }
        if (value.contains("${{")) {
            throw new IllegalArgumentException(option + " must not contain '${{': GitHub would evaluate it as an "
                    + "expression in the workflow");
        }
    }

    private static boolean jarPathEscapes(String jar) {
        try {
            Path path = Path.of(jar.replace('*', 'x').replace('?', 'x'));
            return path.isAbsolute() || jar.startsWith("/") || path.normalize().startsWith("..");
        } catch (InvalidPathException e) {
            return true;
        }
    }
}

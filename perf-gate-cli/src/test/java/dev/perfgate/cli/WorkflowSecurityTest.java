package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The security rules of the repository's GitHub workflows, its composite action, the caller templates
 * {@code perf-gate init} writes, and the scripts (docs/internal/performance_regression_guide.md):
 * no {@code pull_request_target}, least-privilege {@code permissions} on every workflow and job,
 * no expression interpolated into a script (values reach scripts through {@code env:}), the
 * workflows that may write comments never check out or run code, and actions are pinned by commit
 * SHA wherever the token can write and in every workflow users call.
 */
class WorkflowSecurityTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORKFLOWS = ROOT.resolve(".github").resolve("workflows");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");

    private static List<Path> workflows() throws IOException {
        return WorkflowLintTest.workflowFiles();
    }

    /** The steps of every job of every workflow, and of every composite action, with where they are. */
    private static Map<String, JsonNode> allSteps() throws IOException {
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        for (Path f : workflows()) {
            for (Map.Entry<String, JsonNode> job : iterable(YAML.readTree(f.toFile()).path("jobs"))) {
                int i = 0;
                for (JsonNode step : job.getValue().path("steps")) {
                    steps.put(f.getFileName() + ": job " + job.getKey() + ", step " + i++, step);
                }
            }
        }
        for (Path f : WorkflowLintTest.actionFiles()) {
            int i = 0;
            for (JsonNode step : YAML.readTree(f.toFile()).path("runs").path("steps")) {
                steps.put(f + ": step " + i++, step);
            }
        }
        return steps;
    }

    @Test
    void theWorkflowsExistAndParse() throws IOException {
        assertThat(workflows()).extracting(f -> f.getFileName().toString())
                .contains("performance.yml", "performance-comment.yml", "record-baseline.yml", "release.yml",
                        "perf-gate.yml", "perf-gate-comment.yml", "perf-gate-record-baseline.yml", "major-tag.yml");
        for (Path f : workflows()) {
            JsonNode workflow = YAML.readTree(f.toFile());
            assertThat(workflow.path("jobs").size()).as("%s has jobs", f).isPositive();
        }
    }

    @Test
    void noWorkflowRunsOnPullRequestTarget() throws IOException {
        for (Path f : workflows()) {
            JsonNode on = YAML.readTree(f.toFile()).path("on");
            assertThat(on.has("pull_request_target") || on.asText().equals("pull_request_target"))
                    .as("%s triggers on pull_request_target", f).isFalse();
        }
    }

    @Test
    void everyWorkflowAndJobDeclaresItsPermissions() throws IOException {
        for (Path f : workflows()) {
            JsonNode workflow = YAML.readTree(f.toFile());
            assertThat(workflow.path("permissions").isObject()).as("%s: top-level permissions", f).isTrue();
            assertThat(workflow.path("permissions").toString()).as("%s: read-only at the top", f).doesNotContain("write");
            for (Map.Entry<String, JsonNode> job : iterable(workflow.path("jobs"))) {
                assertThat(job.getValue().path("permissions").isObject())
                        .as("%s: job %s declares permissions", f, job.getKey()).isTrue();
            }
        }
    }

    @Test
    void noExpressionIsInterpolatedIntoAScript() throws IOException {
        for (Map.Entry<String, JsonNode> step : allSteps().entrySet()) {
            assertThat(step.getValue().path("run").asText()).as(step.getKey()).doesNotContain("${{");
            assertThat(step.getValue().path("with").path("script").asText()).as(step.getKey()).doesNotContain("${{");
        }
    }

    @Test
    void theCommentWorkflowsNeverCheckOutOrRunCode() throws IOException {
        JsonNode comment = YAML.readTree(WORKFLOWS.resolve("perf-gate-comment.yml").toFile());
        assertThat(comment.path("on").has("workflow_call")).isTrue();
        for (Map.Entry<String, JsonNode> job : iterable(comment.path("jobs"))) {
            for (JsonNode step : job.getValue().path("steps")) {
                assertThat(step.path("uses").asText()).doesNotStartWith("actions/checkout");
                assertThat(step.has("run")).as("no shell step handles the artifact").isFalse();
            }
        }
        // The workflow_run workflows (this repository's and init's template) only call it.
        List<Path> callers = new ArrayList<>();
        for (Path f : workflows()) {
            JsonNode workflow = YAML.readTree(f.toFile());
            if (workflow.path("on").has("workflow_run")) {
                callers.add(f);
                for (Map.Entry<String, JsonNode> job : iterable(workflow.path("jobs"))) {
                    assertThat(job.getValue().has("steps")).as("%s: job %s has steps", f, job.getKey()).isFalse();
                    assertThat(job.getValue().path("uses").asText()).as("%s: job %s", f, job.getKey())
                            .matches("(\\./|perfgate/perfgate/)\\.github/workflows/perf-gate-comment\\.yml(@.+)?");
                }
            }
        }
        assertThat(callers).isNotEmpty();
    }

    @Test
    void theCommentIsEditedOnlyIfItsOwnAndOnlyExpectedReportsArePosted() throws IOException {
        String script = YAML.readTree(WORKFLOWS.resolve("perf-gate-comment.yml").toFile()).path("jobs").path("comment")
                .path("steps").get(1).path("with").path("script").asText();
        assertThat(script).contains("const AUTHOR = 'github-actions[bot]';", "c.user.login === AUTHOR")
                .doesNotContain("user.type")
                .contains("const expected = ['pr-number', `report-${platform}.md`];", "PLATFORMS.includes(platform)");
    }

    @Test
    void actionsArePinnedByCommitShaWhereTheTokenCanWriteAndInEveryReusableWorkflow() throws IOException {
        for (Path f : workflows()) {
            JsonNode workflow = YAML.readTree(f.toFile());
            boolean reusable = workflow.path("on").has("workflow_call");
            for (Map.Entry<String, JsonNode> job : iterable(workflow.path("jobs"))) {
                boolean writes = job.getValue().path("permissions").toString().contains("write");
                for (JsonNode step : job.getValue().path("steps")) {
                    String uses = step.path("uses").asText("");
                    if ((reusable || writes) && !uses.isEmpty() && !uses.startsWith("./")) {
                        assertThat(uses).as("%s: job %s", f, job.getKey()).matches(PINNED);
                    }
                }
            }
        }
        for (Path f : WorkflowLintTest.actionFiles()) {
            for (JsonNode step : YAML.readTree(f.toFile()).path("runs").path("steps")) {
                String uses = step.path("uses").asText("");
                if (!uses.isEmpty()) {
                    assertThat(uses).as("%s", f).matches(PINNED);
                }
            }
        }
    }

    @Test
    void theReusableWorkflowsRunPerfGateOfTheCommitTheyWereCalledAt() throws IOException {
        for (String name : List.of("perf-gate.yml", "perf-gate-record-baseline.yml")) {
            JsonNode workflow = YAML.readTree(WORKFLOWS.resolve(name).toFile());
            for (Map.Entry<String, JsonNode> job : iterable(workflow.path("jobs"))) {
                List<JsonNode> steps = new ArrayList<>();
                job.getValue().path("steps").forEach(steps::add);
                boolean usesTool = steps.stream().anyMatch(s -> s.toString().contains(".perf-gate/tool"));
                if (!usesTool) {
                    continue;
                }
                JsonNode tool = steps.stream().filter(s -> s.path("with").path("path").asText().equals(".perf-gate/tool"))
                        .findFirst().orElseThrow(() -> new AssertionError(name + ": job " + job.getKey()
                                + " runs perf-gate's scripts without checking them out"));
                assertThat(tool.path("with").path("repository").asText()).isEqualTo("${{ job.workflow_repository }}");
                assertThat(tool.path("with").path("ref").asText()).isEqualTo("${{ job.workflow_sha }}");
                assertThat(tool.path("with").path("persist-credentials").asBoolean(true)).isFalse();
                // Never the caller's ref: github.sha and github.workflow_sha belong to the caller.
                assertThat(job.getValue().toString()).doesNotContain("github.workflow_sha", "github.workflow_ref");
            }
        }
    }

    @Test
    void theScriptsAreStrictAndShellcheckClean() throws Exception {
        List<String> scripts = new ArrayList<>();
        List<Path> paths = new ArrayList<>(List.of(ROOT.resolve("scripts/benchmark_regression.sh"),
                ROOT.resolve("scripts/update_baselines.sh")));
        try (Stream<Path> ci = Files.list(ROOT.resolve("scripts").resolve("ci"))) {
            paths.addAll(ci.filter(f -> f.toString().endsWith(".sh")).sorted().toList());
        }
        for (Path script : paths) {
            String name = script.getFileName().toString();
            assertThat(Files.readString(script)).contains("set -euo pipefail");
            assertThat(Files.isExecutable(script)).as("%s is executable", name).isTrue();
            scripts.add(script.toString());
        }
        assumeTrue(onPath("shellcheck"), "shellcheck is installed");
        List<String> command = new ArrayList<>(List.of("shellcheck"));
        command.addAll(scripts);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}

package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The security rules of the repository's GitHub workflows and scripts (docs/internal/performance_regression_guide.md):
 * no {@code pull_request_target}, least-privilege {@code permissions} on every workflow and job,
 * no expression interpolated into a {@code run:} script (values reach scripts through {@code env:}),
 * and the workflow that may write comments never checks out pull-request code.
 */
class WorkflowSecurityTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORKFLOWS = ROOT.resolve(".github").resolve("workflows");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void theWorkflowsExistAndParse() throws IOException {
        assertThat(workflows()).extracting(f -> f.getFileName().toString())
                .contains("performance.yml", "performance-comment.yml", "record-baseline.yml", "release.yml");
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
        for (Path f : workflows()) {
            for (Map.Entry<String, JsonNode> job : iterable(YAML.readTree(f.toFile()).path("jobs"))) {
                for (JsonNode step : job.getValue().path("steps")) {
                    assertThat(step.path("run").asText()).as("%s: job %s, step '%s'", f, job.getKey(),
                            step.path("name").asText(step.path("uses").asText())).doesNotContain("${{");
                    assertThat(step.path("with").path("script").asText())
                            .as("%s: job %s, github-script", f, job.getKey()).doesNotContain("${{");
                }
            }
        }
    }

    @Test
    void theCommentWorkflowNeverChecksOutCode() throws IOException {
        JsonNode workflow = YAML.readTree(WORKFLOWS.resolve("performance-comment.yml").toFile());
        assertThat(workflow.path("on").has("workflow_run")).isTrue();
        for (Map.Entry<String, JsonNode> job : iterable(workflow.path("jobs"))) {
            for (JsonNode step : job.getValue().path("steps")) {
                assertThat(step.path("uses").asText()).doesNotStartWith("actions/checkout");
                assertThat(step.has("run")).as("no shell step handles the artifact").isFalse();
            }
        }
    }

    @Test
    void theScriptsAreStrictAndShellcheckClean() throws Exception {
        List<String> scripts = new ArrayList<>();
        for (String name : List.of("benchmark_regression.sh", "update_baselines.sh")) {
            Path script = ROOT.resolve("scripts").resolve(name);
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

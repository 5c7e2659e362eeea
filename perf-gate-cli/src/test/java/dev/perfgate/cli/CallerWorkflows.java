package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the caller workflows {@code perf-gate init} writes, read as YAML: each calls its reusable
 * workflow at {@code perfgate/perfgate/.github/workflows/...@v1} with the inputs of the agreed
 * interface, and keeps the rules WorkflowSecurityTest holds the repository's own workflows to (no
 * {@code pull_request_target}, read-only permissions at the top, permissions on every job, no
 * expression in a script). An input left out of a caller is one whose value is the reusable
 * workflow's own default, read from this repository's {@code .github/workflows}.
 */
final class CallerWorkflows {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String REUSABLE = "perfgate/perfgate/.github/workflows/";
    private static final Path OWN_WORKFLOWS = Path.of("..", ".github", "workflows").toAbsolutePath().normalize();

    private CallerWorkflows() {
    }

    /**
     * Asserts the three callers under {@code root} and returns the gate's {@code with:} inputs.
     *
     * @param expected inputs the gate and the baseline workflow must both pass, with their values:
     *                 given in the caller, or left out when the value is the reusable workflow's default
     */
    static JsonNode assertWritten(Path root, Map<String, String> expected) throws IOException {
        Path dir = root.resolve(".github").resolve("workflows");

        JsonNode gate = call(dir.resolve("performance.yml"), "perf-gate.yml");
        JsonNode performance = YAML.readTree(dir.resolve("performance.yml").toFile());
        assertThat(performance.path("on").has("pull_request")).isTrue();
        assertThat(performance.path("on").path("push").path("branches").isArray()).isTrue();
        assertThat(performance.path("jobs").elements().next().path("permissions").path("contents").asText())
                .as("the history is pushed by the called workflow").isEqualTo("write");
        assertInputs(gate, "perf-gate.yml", expected);

        JsonNode comment = call(dir.resolve("performance-comment.yml"), "perf-gate-comment.yml");
        JsonNode commentWorkflow = YAML.readTree(dir.resolve("performance-comment.yml").toFile());
        assertThat(commentWorkflow.path("on").path("workflow_run").path("workflows").get(0).asText())
                .as("triggered by the gate workflow's name").isEqualTo(performance.path("name").asText());
        assertThat(comment.path("workflow-run-id").asText()).contains("github.event.workflow_run.id");
        JsonNode commentJob = commentWorkflow.path("jobs").elements().next();
        assertThat(commentJob.path("permissions").path("pull-requests").asText()).isEqualTo("write");
        assertThat(commentJob.path("permissions").path("actions").asText()).isEqualTo("read");

        JsonNode record = call(dir.resolve("record-baseline.yml"), "perf-gate-record-baseline.yml");
        JsonNode recordWorkflow = YAML.readTree(dir.resolve("record-baseline.yml").toFile());
        assertThat(recordWorkflow.path("on").path("workflow_dispatch").path("inputs").path("reason")
                .path("required").asBoolean()).isTrue();
        assertThat(record.path("reason").asText()).isEqualTo("${{ inputs.reason }}");
        assertInputs(record, "perf-gate-record-baseline.yml", expected);
        return gate;
    }

    /** Each input is given with its value, unless that value is the reusable workflow's default: then it is left out. */
    private static void assertInputs(JsonNode with, String reusable, Map<String, String> expected) throws IOException {
        JsonNode declared = YAML.readTree(OWN_WORKFLOWS.resolve(reusable).toFile())
                .path("on").path("workflow_call").path("inputs");
        expected.forEach((input, value) -> {
            assertThat(declared.has(input)).as("%s declares the input %s", reusable, input).isTrue();
            JsonNode fallback = declared.path(input).path("default");
            if (with.has(input)) {
                assertThat(with.path(input).asText()).as(input).isEqualTo(value);
                assertThat(fallback.isMissingNode() ? null : fallback.asText())
                        .as("%s is given although it is %s's default", input, reusable).isNotEqualTo(value);
            } else {
                assertThat(fallback.asText()).as("%s left out of the caller of %s: its default", input, reusable)
                        .isEqualTo(value);
            }
        });
    }

    /** The {@code with:} of a caller's one job, after checking the job and the workflow's rules. */
    private static JsonNode call(Path file, String reusable) throws IOException {
        JsonNode workflow = YAML.readTree(file.toFile());
        JsonNode on = workflow.path("on");
        assertThat(on.has("pull_request_target") || on.asText().equals("pull_request_target"))
                .as("%s triggers on pull_request_target", file).isFalse();
        assertThat(workflow.path("permissions").isObject()).as("%s: top-level permissions", file).isTrue();
        assertThat(workflow.path("permissions").toString()).as("%s: read-only at the top", file).doesNotContain("write");
        assertThat(workflow.path("jobs").size()).as("%s: one job", file).isEqualTo(1);
        JsonNode job = workflow.path("jobs").elements().next();
        assertThat(job.path("permissions").isObject()).as("%s: the job declares permissions", file).isTrue();
        assertThat(job.path("uses").asText()).isEqualTo(REUSABLE + reusable + "@v1");
        assertThat(job.has("steps")).as("%s: a caller runs no script of its own", file).isFalse();
        return job.path("with");
    }
}

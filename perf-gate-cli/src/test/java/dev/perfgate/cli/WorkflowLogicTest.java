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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the workflows compare with what: shards carry their host to the gate, confirmation forks
 * come from the runners that measured, the A/B's base is the merge commit's first parent, and the
 * recorded baseline works with the runners' real noise. (The commands' side of it, that merged
 * results keep the shards' host and shards of two classes give advisory verdicts, is in
 * {@link HostClassesTest}.)
 */
class WorkflowLogicTest {

    private static final Path WORKFLOWS = Path.of("..").toAbsolutePath().normalize().resolve(".github")
            .resolve("workflows");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode job(String workflow, String job) throws IOException {
        JsonNode node = YAML.readTree(WORKFLOWS.resolve(workflow).toFile()).path("jobs").path(job);
        assertThat(node.isMissingNode()).as("job %s of %s", job, workflow).isFalse();
        return node;
    }

    private static List<JsonNode> steps(JsonNode job) {
        List<JsonNode> out = new ArrayList<>();
        job.path("steps").forEach(out::add);
        return out;
    }

    private static String scripts(JsonNode job) {
        StringBuilder all = new StringBuilder();
        steps(job).forEach(s -> all.append(s.path("run").asText()).append('\n'));
        return all.toString();
    }

    /** The perf-gate invocations of a job's scripts, continuation lines joined. */
    private static List<String> perfGate(JsonNode job, String command) {
        return scripts(job).replace("\\\n", " ").lines()
                .filter(l -> l.contains("\"$PERF_GATE\" " + command + " ")).toList();
    }

    /**
     * What {@code record-baseline.yml} puts into its pull request for one platform, made by the
     * workflow's own command (under bash) from {@code calibrate}'s output.
     */
    static String recordBaselineSummary(String calibrateOutput, Path dir, String platform) throws Exception {
        List<String> commands = scripts(job("record-baseline.yml", "measure")).replace("\\\n", " ").lines()
                .filter(l -> l.contains("\"$OUT/summary/$PLATFORM.md\"")).toList();
        assertThat(commands).hasSize(1);
        Files.createDirectories(dir.resolve("summary"));
        Files.writeString(dir.resolve("calibrate.txt"), calibrateOutput);
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + commands.get(0).strip())
                .redirectErrorStream(true);
        bash.environment().put("OUT", dir.toString());
        bash.environment().put("PLATFORM", platform);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return Files.readString(dir.resolve("summary").resolve(platform + ".md"));
    }

    @Test
    void shardsUploadTheirHostFilesAndConfirmationRerunsWithTheResults() throws IOException {
        JsonNode measure = job("performance.yml", "measure");

        String uploaded = steps(measure).stream().filter(s -> s.path("uses").asText().startsWith("actions/upload-artifact"))
                .map(s -> s.path("with").path("path").asText()).findFirst().orElseThrow();
        assertThat(uploaded).endsWith("shard-${{ matrix.shard }}*.json");
        assertThat(perfGate(measure, "check")).singleElement().asString()
                .contains("--results \"$OUT/shard-$SHARD.json\"", "--confirm", "--out \"$OUT/shard-$SHARD.json\"");
        // No fixed profile: the shards run the run plans of their host class once the baseline has them,
        // and the confirmation adds forks of the shape the shard measured (CalibrateAndConfirmTest).
        assertThat(perfGate(measure, "run")).singleElement().asString().contains("--shard").doesNotContain("--profile");
    }

    @Test
    void theGateJobConfirmsNothingItselfAndPoolsTheShardsConfirmations() throws IOException {
        JsonNode gate = job("performance.yml", "gate");

        assertThat(perfGate(gate, "check")).singleElement().asString()
                .doesNotContain("--confirm").contains("--results \"$OUT/results.json\" \"${confirm[@]}\"");
        assertThat(scripts(gate)).contains("confirm=(--results \"$OUT/results-confirm.json\")");
        assertThat(perfGate(gate, "merge")).hasSize(2).allSatisfy(m -> assertThat(m).contains("--platform"));
    }

    @Test
    void theAbBaseIsTheMergeCommitsFirstParent() throws IOException {
        JsonNode ab = job("performance.yml", "ab");

        JsonNode checkout = steps(ab).stream().filter(s -> s.path("uses").asText().startsWith("actions/checkout"))
                .findFirst().orElseThrow();
        assertThat(checkout.path("with").path("fetch-depth").asInt()).isEqualTo(2);
        assertThat(steps(ab).stream().filter(s -> s.path("uses").asText().startsWith("actions/checkout"))).hasSize(1);
        assertThat(scripts(ab)).contains("git worktree add --detach base HEAD^1")
                .doesNotContain("pull_request.base.sha");
        assertThat(YAML.readTree(WORKFLOWS.resolve("performance.yml").toFile()).toString())
                .doesNotContain("pull_request.base.sha");
    }

    @Test
    void theRecordedBaselineStatesItsNoiseCeilingAndCalibrates() throws IOException {
        JsonNode measure = job("record-baseline.yml", "measure");

        assertThat(perfGate(measure, "approve")).hasSize(2).allSatisfy(a -> assertThat(a)
                .contains("--max-noise \"$MAX_NOISE\"").doesNotContain("--allow-noisy"));
        assertThat(perfGate(measure, "calibrate")).singleElement().asString().contains("\"${results[@]}\"");
        // The baseline's values come from a run of the plans the gate's shards will run.
        List<String> commands = scripts(measure).replace("\\\n", " ").lines()
                .filter(l -> l.contains("\"$PERF_GATE\" ")).toList();
        assertThat(commands).last().asString().contains("approve", "--results \"$OUT/baseline-planned.json\"");
        assertThat(commands.get(commands.size() - 2)).contains("run --profile calibrated",
                "--out \"$OUT/baseline-planned.json\"");
        assertThat(commands.get(commands.size() - 3)).contains("calibrate");
        JsonNode inputs = YAML.readTree(WORKFLOWS.resolve("record-baseline.yml").toFile())
                .path("on").path("workflow_dispatch").path("inputs");
        assertThat(inputs.path("max-noise").path("default").asText()).isEqualTo("15");
        assertThat(inputs.path("runs").path("default").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(scripts(job("record-baseline.yml", "pull-request"))).contains("noise ceiling $MAX_NOISE%");
    }
}

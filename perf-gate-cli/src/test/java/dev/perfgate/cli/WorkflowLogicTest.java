package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the workflows compare with what, and what they do when something fails: shards carry their
 * host to the gate, confirmation forks come from the runners that measured, each platform gets its own
 * gate that names a failed shard, the A/B's base is the merge commit's first parent and its time fits
 * its limit, history publishing never cancels a run, and the recorded baseline carries its approval.
 * Scripts the workflows run (scripts/ci) are run here under bash. (The commands' side, that merged
 * results keep the shards' host and shards of two classes give advisory verdicts, is in
 * {@link HostClassesTest}.)
 */
class WorkflowLogicTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORKFLOWS = ROOT.resolve(".github").resolve("workflows");
    private static final Path CI = ROOT.resolve("scripts").resolve("ci");
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

    /** Runs a script of scripts/ci under bash; returns its exit code and output. */
    private static Result bash(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder bash = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        bash.environment().putAll(env);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Result(process.waitFor(), output);
    }

    private record Result(int code, String output) {
    }

    /**
     * What {@code perf-gate-record-baseline.yml} puts into its pull request for one platform, made by
     * the workflow's own command (under bash) from {@code calibrate}'s output.
     */
    static String recordBaselineSummary(String calibrateOutput, Path dir, String platform) throws Exception {
        List<String> commands = scripts(job("perf-gate-record-baseline.yml", "measure")).replace("\\\n", " ").lines()
                .filter(l -> l.contains("\"$OUT/summary/$PLATFORM.md\"") && l.contains("calibrate.txt")).toList();
        assertThat(commands).hasSize(1);
        Files.createDirectories(dir.resolve("summary"));
        Files.writeString(dir.resolve("calibrate.txt"), calibrateOutput);
        Result result = bash(dir, Map.of("OUT", dir.toString(), "PLATFORM", platform), "bash", "-c",
                "set -euo pipefail\n" + commands.get(0).strip());
        assertThat(result.code()).as(result.output()).isZero();
        return Files.readString(dir.resolve("summary").resolve(platform + ".md"));
    }

    @Test
    void shardsUploadTheirHostFilesAndConfirmationRerunsWithTheResults() throws IOException {
        JsonNode measure = job("perf-gate.yml", "measure");

        String uploaded = steps(measure).stream().filter(s -> s.path("uses").asText().startsWith("actions/upload-artifact"))
                .map(s -> s.path("with").path("path").asText()).findFirst().orElseThrow();
        assertThat(uploaded).endsWith("shard-${{ matrix.shard }}*.json");
        assertThat(perfGate(measure, "check")).singleElement().asString()
                .contains("--results \"$OUT/shard-$SHARD.json\"", "--benchmarks \"$jar\"", "--confirm",
                        "--out \"$OUT/shard-$SHARD.json\"");
        // No fixed profile: unless the caller names one, the shards run the run plans of their host class
        // once the baseline has them (CalibrateAndConfirmTest).
        assertThat(perfGate(measure, "run")).singleElement().asString().contains("--shard", "\"${profile[@]}\"")
                .doesNotContain("--profile ");
        JsonNode profile = YAML.readTree(WORKFLOWS.resolve("perf-gate.yml").toFile())
                .path("on").path("workflow_call").path("inputs").path("profile");
        assertThat(profile.path("default").asText()).isEmpty();
    }

    @Test
    void theGateJobConfirmsNothingItselfAndPoolsTheShardsConfirmations() throws Exception {
        JsonNode gate = job("perf-gate.yml", "gate");

        assertThat(perfGate(gate, "check")).singleElement().asString()
                .doesNotContain("--confirm").contains("--results \"$OUT/results.json\" \"${confirm[@]}\"");
        assertThat(scripts(gate)).contains("confirm=(--results \"$OUT/results-confirm.json\")");
        String collect = Files.readString(CI.resolve("collect-shards.sh"));
        assertThat(collect.lines().filter(l -> l.contains("\"$PERF_GATE\" merge"))).hasSize(2)
                .allSatisfy(m -> assertThat(m).contains("--platform \"$PLATFORM\""));
    }

    @Test
    void eachPlatformHasAGateThatRunsWhateverTheShardsDid() throws IOException {
        JsonNode gate = job("perf-gate.yml", "gate");

        // needs: measure alone would skip every platform's gate when one shard of one platform fails,
        // and a skipped job counts as a passing required check.
        assertThat(gate.path("if").asText()).contains("!cancelled()").doesNotContain("needs.measure.result");
        assertThat(gate.path("strategy").path("matrix").asText()).contains("needs.plan.outputs.gates");
        JsonNode download = steps(gate).stream()
                .filter(s -> s.path("uses").asText().startsWith("actions/download-artifact")).findFirst().orElseThrow();
        assertThat(download.path("with").path("pattern").asText()).isEqualTo("perf-gate-shard-${{ matrix.platform }}-*");
        assertThat(download.path("continue-on-error").asBoolean()).isTrue();
        // The comment's data is made whatever happened, so an old report never stays up.
        for (String name : List.of("Summary and annotations", "Prepare the pull-request comment",
                "Upload the pull-request comment", "Upload reports and results")) {
            JsonNode step = steps(gate).stream().filter(s -> s.path("name").asText().equals(name)).findFirst().orElseThrow();
            assertThat(step.path("if").asText()).as(name).startsWith("always()");
        }
        // The one check to require runs always and fails unless everything it needs succeeded.
        JsonNode result = job("perf-gate.yml", "result");
        assertThat(result.path("if").asText()).isEqualTo("always()");
        List<String> needs = new ArrayList<>();
        result.path("needs").forEach(n -> needs.add(n.asText()));
        assertThat(needs).containsExactlyInAnyOrder("plan", "measure", "gate", "ab");
    }

    @Test
    void aFailedShardIsNamedAndFailsItsPlatformsGate(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("shards"));
        Files.writeString(dir.resolve("shards/shard-1.json"), "[]");
        Files.writeString(dir.resolve("shards/shard-3.json"), "[]");
        Result result = bash(dir, Map.of("PERF_GATE", "unused.jar", "PLATFORM", "linux-aarch64", "SHARDS", "3",
                "SHARDS_DIR", "shards", "OUT", "out", "HEAD_SHA", "0123abc"), "bash", CI.resolve("collect-shards.sh").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out/no-report.md")).strip())
                .isEqualTo("no report for 0123abc: measure (linux-aarch64, shard 2) failed");
        assertThat(result.output()).contains("::error title=perf-gate (linux-aarch64)::no report for 0123abc");

        Result comment = bash(dir, Map.of("PLATFORM", "linux-aarch64", "OUT", "out", "PR_NUMBER", "42",
                "HEAD_SHA", "0123abc"), "bash", CI.resolve("comment-artifact.sh").toString());
        assertThat(comment.code()).as(comment.output()).isZero();
        assertThat(Files.readString(dir.resolve("pr-comment/pr-number")).strip()).isEqualTo("42");
        assertThat(Files.readString(dir.resolve("pr-comment/report-linux-aarch64.md")))
                .contains("measure (linux-aarch64, shard 2) failed");
    }

    @Test
    void aGateThatFailedWithoutAReportStillSaysSoInTheComment(@TempDir Path dir) throws Exception {
        Result comment = bash(dir, Map.of("PLATFORM", "linux-x86_64", "OUT", "out", "PR_NUMBER", "7",
                "HEAD_SHA", "feed", "GATE_OUTCOME", "skipped"), "bash", CI.resolve("comment-artifact.sh").toString());

        assertThat(comment.code()).as(comment.output()).isZero();
        assertThat(Files.readString(dir.resolve("pr-comment/report-linux-x86_64.md")).strip())
                .isEqualTo("no report for feed: gate (linux-x86_64) failed (skipped); see the job log");
    }

    @Test
    void thePlanMapsPlatformsToRunnersAndRefusesBadInput(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("output");
        Result ok = bash(dir, Map.of("PLATFORMS", "linux-x86_64, linux-aarch64", "SHARDS", "2", "THRESHOLD", "2.5",
                "PROFILE", "", "BASELINES_DIR", "perf/baselines", "GITHUB_OUTPUT", output.toString()),
                "bash", CI.resolve("plan.sh").toString());
        assertThat(ok.code()).as(ok.output()).isZero();
        List<String> lines = Files.readAllLines(output);
        JsonNode measure = new ObjectMapper().readTree(value(lines, "measure"));
        assertThat(measure.path("include")).hasSize(4);
        assertThat(measure.path("include").get(3).toString())
                .isEqualTo("{\"platform\":\"linux-aarch64\",\"runner\":\"ubuntu-24.04-arm\",\"shard\":2}");
        assertThat(new ObjectMapper().readTree(value(lines, "gates")).path("include")).hasSize(2);
        assertThat(value(lines, "ab-runner")).as("JSON, as runs-on's fromJSON takes it").isEqualTo("\"ubuntu-latest\"");
        assertThat(value(lines, "project-dir")).isEqualTo("perf");
        assertThat(value(lines, "markdown-max-bytes")).isEqualTo("30000");

        for (String[] bad : new String[][] {{"PLATFORMS", "linux-x64"}, {"SHARDS", "0"}, {"THRESHOLD", "5%"},
                {"PROFILE", "fast"}, {"BASELINES_DIR", "perf"}, {"BASELINES_DIR", "../baselines"}}) {
            Map<String, String> env = new java.util.HashMap<>(Map.of("PLATFORMS", "linux-x86_64", "SHARDS", "1",
                    "GITHUB_OUTPUT", dir.resolve("bad").toString()));
            env.put(bad[0], bad[1]);
            Result result = bash(dir, env, "bash", CI.resolve("plan.sh").toString());
            assertThat(result.code()).as("%s=%s", bad[0], bad[1]).isEqualTo(2);
            assertThat(result.output()).as("%s=%s", bad[0], bad[1]).contains("'" + bad[1] + "'")
                    .doesNotContain("\tat ").hasLineCount(2);
        }
    }

    @Test
    void runnersPutAPlatformOnSelfHostedRunnersInEveryJobThatMeasures(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("output");
        Result ok = bash(dir, Map.of("PLATFORMS", "linux-x86_64,linux-aarch64", "SHARDS", "2", "GITHUB_OUTPUT",
                output.toString(), "RUNNERS", "{\"linux-x86_64\": [\"self-hosted\", \"linux\", \"perf\"]}"),
                "bash", CI.resolve("plan.sh").toString());
        assertThat(ok.code()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("perf-gate: linux-x86_64 runs on [\"self-hosted\",\"linux\",\"perf\"]",
                "perf-gate: linux-aarch64 runs on \"ubuntu-24.04-arm\"");
        List<String> lines = Files.readAllLines(output);
        ObjectMapper json = new ObjectMapper();
        JsonNode measure = json.readTree(value(lines, "measure")).path("include");
        assertThat(measure.get(1).toString())
                .isEqualTo("{\"platform\":\"linux-x86_64\",\"runner\":[\"self-hosted\",\"linux\",\"perf\"],\"shard\":2}");
        assertThat(measure.get(2).path("runner").asText()).isEqualTo("ubuntu-24.04-arm");
        assertThat(json.readTree(value(lines, "gates")).path("include").get(0).path("runner").toString())
                .isEqualTo("[\"self-hosted\",\"linux\",\"perf\"]");
        assertThat(json.readTree(value(lines, "ab-runner")).toString()).isEqualTo("[\"self-hosted\",\"linux\",\"perf\"]");

        // Both reusable workflows take the input and hand it to the plan; every job that measures
        // runs on the planned runner.
        for (String workflow : List.of("perf-gate.yml", "perf-gate-record-baseline.yml")) {
            JsonNode root = YAML.readTree(WORKFLOWS.resolve(workflow).toFile());
            assertThat(root.path("on").path("workflow_call").path("inputs").path("runners").path("default").asText())
                    .as(workflow).isEmpty();
            assertThat(steps(job(workflow, "plan")).stream().filter(st -> st.path("id").asText().equals("plan"))
                    .map(st -> st.path("env").path("RUNNERS").asText()).toList())
                    .as(workflow).containsExactly("${{ inputs.runners }}");
            assertThat(job(workflow, "measure").path("runs-on").asText()).as(workflow).isEqualTo("${{ matrix.runner }}");
        }
        assertThat(job("perf-gate.yml", "ab").path("runs-on").asText())
                .isEqualTo("${{ fromJSON(needs.plan.outputs.ab-runner) }}");

        // A pull request from a fork never runs on them: its code would run on the user's machines.
        Path forked = dir.resolve("forked");
        Result fork = bash(dir, Map.of("PLATFORMS", "linux-x86_64", "GITHUB_OUTPUT", forked.toString(),
                "RUNNERS", "{\"linux-x86_64\": \"perf\"}", "FORK_PULL_REQUEST", "true"),
                "bash", CI.resolve("plan.sh").toString());
        assertThat(fork.code()).as(fork.output()).isZero();
        assertThat(fork.output()).contains("::notice title=perf-gate runners::a pull request from a fork runs on "
                + "GitHub-hosted runners").contains("linux-x86_64 runs on \"ubuntu-latest\"");
        assertThat(value(Files.readAllLines(forked), "ab-runner")).isEqualTo("\"ubuntu-latest\"");
        assertThat(steps(job("perf-gate.yml", "plan")).get(1).path("env").path("FORK_PULL_REQUEST").asText())
                .isEqualTo("${{ github.event_name == 'pull_request' && "
                        + "github.event.pull_request.head.repo.full_name != github.repository }}");

        for (String[] bad : new String[][] {
                {"[\"self-hosted\"]", "runners: must be a JSON object"},
                {"{}{}", "runners: must be a JSON object"},
                {"{\"linux-aarch64\": \"perf\"}", "runners: 'linux-aarch64' is not one of the platforms (linux-x86_64)"},
                {"{\"linux-x86_64\": []}", "runners: the runner of 'linux-x86_64' must be a label or a non-empty array"},
                {"{\"linux-x86_64\": [\"perf\", 3]}", "runners: the runner of 'linux-x86_64' must be a label"}}) {
            Result result = bash(dir, Map.of("PLATFORMS", "linux-x86_64", "RUNNERS", bad[0],
                    "GITHUB_OUTPUT", dir.resolve("bad").toString()), "bash", CI.resolve("plan.sh").toString());
            assertThat(result.code()).as(bad[0]).isEqualTo(2);
            assertThat(result.output()).as(bad[0]).contains(bad[1]).doesNotContain("\tat ").hasLineCount(2);
        }
    }

    private static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow().substring(key.length() + 1);
    }

    @Test
    void theBenchmarksJarGlobMustNameOneFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("build/libs"));
        Files.writeString(dir.resolve("build/libs/app-jmh.jar"), "");
        Result one = bash(dir, Map.of(), "bash", CI.resolve("resolve-jar.sh").toString(), "build/libs/*-jmh.jar");
        assertThat(one.code()).isZero();
        assertThat(one.output().strip()).isEqualTo(dir.toRealPath().resolve("build/libs/app-jmh.jar").toString());

        Files.writeString(dir.resolve("build/libs/other-jmh.jar"), "");
        Result two = bash(dir, Map.of(), "bash", CI.resolve("resolve-jar.sh").toString(), "build/libs/*-jmh.jar");
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.output()).contains("matches 2 files");
        Result none = bash(dir, Map.of(), "bash", CI.resolve("resolve-jar.sh").toString(), "target/*.jar");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.output()).contains("'target/*.jar' matches no file");
    }

    @Test
    void theAbBaseIsTheMergeCommitsFirstParent() throws IOException {
        JsonNode ab = job("perf-gate.yml", "ab");

        JsonNode checkout = steps(ab).stream().filter(s -> s.path("uses").asText().startsWith("actions/checkout"))
                .findFirst().orElseThrow();
        assertThat(checkout.path("with").path("fetch-depth").asInt()).isEqualTo(2);
        assertThat(scripts(ab)).contains("git worktree add --detach .perf-gate/base HEAD^1");
        assertThat(YAML.readTree(WORKFLOWS.resolve("perf-gate.yml").toFile()).toString())
                .doesNotContain("pull_request.base.sha");
    }

    @Test
    void everyJobsStepsFitItsTimeLimitAndTheAbBudgetFitsItsStep() throws IOException {
        // Allowance for the steps without a limit of their own (checkouts, artifact transfers).
        int allowance = 5;
        for (String name : List.of("perf-gate.yml", "perf-gate-record-baseline.yml", "perf-gate-comment.yml")) {
            JsonNode jobs = YAML.readTree(WORKFLOWS.resolve(name).toFile()).path("jobs");
            for (Map.Entry<String, JsonNode> job : (Iterable<Map.Entry<String, JsonNode>>) jobs::fields) {
                int sum = 0;
                for (JsonNode step : steps(job.getValue())) {
                    if (step.has("run") || step.path("uses").asText().startsWith("./")) {
                        assertThat(step.has("timeout-minutes")).as("%s: job %s, step '%s' has a time limit", name,
                                job.getKey(), step.path("name").asText()).isTrue();
                    }
                    sum += step.path("timeout-minutes").asInt(0);
                }
                assertThat(sum + allowance).as("%s: job %s, its steps' limits and %d minutes for the rest", name,
                        job.getKey(), allowance).isLessThanOrEqualTo(job.getValue().path("timeout-minutes").asInt());
            }
        }
        JsonNode abStep = steps(job("perf-gate.yml", "ab")).stream()
                .filter(s -> s.path("run").asText().contains("\"$PERF_GATE\" ab ")).findFirst().orElseThrow();
        Matcher budget = Pattern.compile("--max-time (\\d+)m").matcher(abStep.path("run").asText());
        assertThat(budget.find()).isTrue();
        assertThat(Integer.parseInt(budget.group(1))).isLessThan(abStep.path("timeout-minutes").asInt());
    }

    @Test
    void publishingTheHistoryCancelsNoRun() throws IOException {
        JsonNode publish = job("perf-gate.yml", "publish-history");

        // A concurrency group keeps one pending run and cancels the others: their history would be lost.
        assertThat(publish.has("concurrency")).isFalse();
        assertThat(YAML.readTree(WORKFLOWS.resolve("perf-gate.yml").toFile()).has("concurrency")).isFalse();
        assertThat(publish.path("if").asText()).contains("!cancelled()");
        String script = Files.readString(CI.resolve("publish-history.sh"));
        assertThat(script).contains("record --project-dir \"$work\" --from-history", "for ((attempt = 1;");
    }

    @Test
    void theRecordedBaselineStatesItsNoiseCeilingAndCalibrates() throws IOException {
        JsonNode measure = job("perf-gate-record-baseline.yml", "measure");

        assertThat(perfGate(measure, "approve")).hasSize(2).allSatisfy(a -> assertThat(a)
                .contains("--max-noise \"$MAX_NOISE\"").doesNotContain("--allow-noisy"));
        assertThat(perfGate(measure, "calibrate")).singleElement().asString().contains("\"${results[@]}\"");
        // The baseline's values come from a run of the plans the gate's shards will run.
        List<String> commands = scripts(measure).replace("\\\n", " ").lines()
                .filter(l -> l.contains("\"$PERF_GATE\" ")).toList();
        assertThat(commands).last().asString().contains("approve", "--results \"$OUT/baseline-planned.json\"");
        assertThat(commands.get(commands.size() - 2)).contains("run \"${bench[@]}\" --profile calibrated",
                "--out \"$OUT/baseline-planned.json\"");
        assertThat(commands.get(commands.size() - 3)).contains("calibrate");
        JsonNode inputs = YAML.readTree(WORKFLOWS.resolve("perf-gate-record-baseline.yml").toFile())
                .path("on").path("workflow_call").path("inputs");
        assertThat(inputs.path("max-noise").path("default").asText()).isEqualTo("15");
        assertThat(inputs.path("runs").path("default").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(scripts(job("perf-gate-record-baseline.yml", "pull-request"))).contains("noise ceiling $MAX_NOISE%");
    }

    @Test
    void theBaselinePullRequestCarriesTheApprovalAndSaysHowToRunTheGate() throws IOException {
        JsonNode measure = job("perf-gate-record-baseline.yml", "measure");
        // approve writes the approval into the history: it travels with the baseline.
        assertThat(scripts(measure)).contains("cp \"$PROJECT_DIR/history/$PLATFORM.jsonl\" \"$OUT/measured/history/\"",
                "cp \"$PROJECT_DIR/baselines/$PLATFORM.json\" \"$OUT/measured/baselines/\"");
        String pr = scripts(job("perf-gate-record-baseline.yml", "pull-request"));
        // git diff misses a platform's first baseline, a new untracked file; git status does not.
        assertThat(pr).contains("git status --porcelain -- \"$PROJECT_DIR/baselines\" \"$PROJECT_DIR/history\"")
                .doesNotContain("git diff --quiet")
                .contains("git add -- \"$PROJECT_DIR/baselines\" \"$PROJECT_DIR/history\"")
                .contains("close and reopen it");
    }

    @Test
    void theMajorTagFollowsTheLatestReleaseOnly(@TempDir Path dir) throws Exception {
        Path origin = dir.resolve("origin.git");
        Path clone = dir.resolve("clone");
        Map<String, String> env = Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.org",
                "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.org");
        assertThat(bash(dir, env, "git", "init", "-q", "--bare", origin.toString()).code()).isZero();
        assertThat(bash(dir, env, "git", "clone", "-q", origin.toString(), clone.toString()).code()).isZero();
        String setup = "set -e; git commit -q --allow-empty -m one; git tag v1.1.0; git commit -q --allow-empty -m two;"
                + " git tag v1.2.0; git commit -q --allow-empty -m three; git tag v1.1.1; git push -q origin --tags";
        assertThat(bash(clone, env, "bash", "-c", setup).code()).isZero();
        String script = CI.resolve("move-major-tag.sh").toString();

        Result latest = bash(clone, env, "bash", script, "v1.2.0");
        assertThat(latest.code()).as(latest.output()).isZero();
        assertThat(bash(dir, env, "git", "--git-dir", origin.toString(), "rev-parse", "v1^{commit}").output())
                .isEqualTo(bash(clone, env, "git", "rev-parse", "v1.2.0^{commit}").output());

        Result olderPatch = bash(clone, env, "bash", script, "v1.1.1");
        assertThat(olderPatch.output()).contains("v1.2.0 is later than v1.1.1");
        assertThat(bash(dir, env, "git", "--git-dir", origin.toString(), "rev-parse", "v1^{commit}").output())
                .isEqualTo(bash(clone, env, "git", "rev-parse", "v1.2.0^{commit}").output());

        assertThat(bash(clone, env, "bash", script, "v1").code()).isEqualTo(2);
    }
}

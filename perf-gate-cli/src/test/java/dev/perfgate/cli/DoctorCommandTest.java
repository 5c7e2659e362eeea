package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code perf-gate doctor} for real on this machine: the structure of its report (every check
 * present, in order, with a verdict and a message), not this machine's values.
 */
class DoctorCommandTest {

    private static final List<String> CHECKS = List.of("java", "jvm-flags", "host", "cpu-frequency", "cpu-load",
            "noise", "memory", "benchmarks");
    private static final List<String> STATUSES = List.of("ok", "warn", "fail", "skip");

    @TempDir
    Path project;

    @Test
    void theJsonReportHasEveryCheckWithAVerdictAndTheExitCodeFollowsIt() throws Exception {
        Cli.Result result = Cli.run("doctor", "--project-dir", project.toString(), "--format", "json",
                "--probe-runs", "2", "--benchmarks", Cli.fixtureJar().toString());

        JsonNode report = new ObjectMapper().readTree(result.out());
        List<String> names = new ArrayList<>();
        boolean failed = false;
        for (JsonNode check : report.get("checks")) {
            names.add(check.get("check").asText());
            assertThat(STATUSES).as(result.toString()).contains(check.get("status").asText());
            assertThat(check.get("message").asText()).as(check.toString()).isNotBlank();
            assertThat(check.get("details").isObject()).isTrue();
            failed |= check.get("status").asText().equals("fail");
        }
        assertThat(names).as(result.toString()).isEqualTo(CHECKS);
        assertThat(report.get("verdict").asText()).isIn("ok", "warn", "fail");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(failed ? ExitCodes.REGRESSION : ExitCodes.OK);
        assertThat(report.at("/checks/7/details/path").asText()).isEqualTo(Cli.fixtureJar().toString());
    }

    @Test
    void theTextReportIsOneLinePerCheckAndASummary() {
        Cli.Result result = Cli.run("doctor", "--project-dir", project.toString(), "--probe-runs", "2");

        List<String> lines = result.out().lines().toList();
        assertThat(lines).as(result.toString()).hasSize(CHECKS.size() + 1);
        for (int i = 0; i < CHECKS.size(); i++) {
            assertThat(lines.get(i)).matches("(OK|WARN|FAIL|SKIP) +" + CHECKS.get(i) + " +\\S.*");
        }
        assertThat(lines.get(CHECKS.size())).matches("doctor: \\d ok, \\d warn, \\d fail, \\d not checked here");
        assertThat(lines.get(0)).as("the benchmark JVM is the one running perf-gate")
                .contains(System.getProperty("java.home"));
    }

    @Test
    void itsHelpSaysWhatItsExitCodesMean() {
        Cli.Result help = Cli.run("doctor", "--help");

        assertThat(help.out()).contains("1   at least one check failed").doesNotContain("regression");
        assertThat(Cli.run("check", "--help").out()).contains("1   at least one regression");
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        Cli.Result missing = Cli.run("doctor", "--benchmarks", project.resolve("nope.jar").toString());
        Cli.Result format = Cli.run("doctor", "--format", "xml");
        Cli.Result runs = Cli.run("doctor", "--probe-runs", "1");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err().strip()).isEqualTo("perf-gate: " + project.resolve("nope.jar")
                + ": no such file (expected a JMH benchmarks jar)");
        assertThat(format.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(format.err()).contains("--format must be text or json but was 'xml'");
        assertThat(runs.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(runs.err()).contains("--probe-runs must be between 2 and 50 but was 1");
    }
}

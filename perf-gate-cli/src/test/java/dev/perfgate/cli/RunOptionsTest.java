package dev.perfgate.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JMH arguments of the run options. */
class RunOptionsTest {

    @Test
    void timeoutIsPassedAsJmhsIterationTimeout() throws Exception {
        RunOptions options = new RunOptions();
        assertThat(options.settings()).doesNotContain("-to");
        options.timeout = "90s";
        assertThat(options.settings()).containsSequence("-to", "90s");
        assertThat(options.copy().settings()).containsSequence("-to", "90s");
    }

    @Test
    void badTimeoutIsAUsageError() {
        RunOptions options = new RunOptions();
        options.timeout = "ten minutes";
        assertThatThrownBy(options::settings).isInstanceOf(UsageException.class)
                .hasMessage("--timeout must be a positive whole number with a unit, like 500ms or 2s, but was "
                        + "'ten minutes'");
    }

    @Test
    void badTimeoutOnTheCommandLineExitsWithBadInputBeforeAnyRun() {
        Cli.Result result = Cli.run("run", "--benchmarks", Cli.fixtureJar().toString(), "--timeout", "0s");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("--timeout must be a positive whole number").doesNotContain("Exception");
    }
}

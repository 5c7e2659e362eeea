package dev.perfgate.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress lines of a JMH invocation, on a fake clock. */
class ForkProgressTest {

    private long now;

    private ForkProgress progress(long forks, String timeout) {
        return new ForkProgress(new ForkProgress.Plan(List.of("a.B.fast", "a.B.slow"), forks, 0.8, 1, 2, "100ms",
                timeout), JmhRunner.Stage.ALONE, () -> now);
    }

    private void at(double seconds) {
        now = (long) (seconds * 1e9);
    }

    private static Optional<String> fork(ForkProgress p, String benchmark, int i, int of) {
        if (i == 1) {
            p.line("# Benchmark: " + benchmark);
        }
        return p.line("# Fork: " + i + " of " + of);
    }

    @Test
    void firstEstimateIsNominalAndSaysSo() {
        ForkProgress p = progress(4, null);
        assertThat(fork(p, "a.B.fast", 1, 2)).hasValue(
                "perf-gate: [1/2] a.B.fast fork 1/2  0% done, ETA 00:00:03 (nominal, nothing measured yet)");
    }

    @Test
    void afterOneForkTheEstimateIsItsMeasuredWallTimeForEachForkLeft() {
        ForkProgress p = progress(4, null);
        at(0);
        fork(p, "a.B.fast", 1, 2);
        at(5);
        // 3 forks left at 5 s each; the nominal estimate was 4 x 0.8 s.
        assertThat(fork(p, "a.B.fast", 2, 2)).hasValue(
                "perf-gate: [1/2] a.B.fast fork 2/2  25% done, ETA 00:00:15 (measured, 5.0 s a fork)");
    }

    @Test
    void forksLeftOfARunningBenchmarkCountAtItsOwnForkTime() {
        ForkProgress p = progress(6, null);
        at(0);
        fork(p, "a.B.fast", 1, 3);
        at(1);
        fork(p, "a.B.fast", 2, 3);
        at(2);
        fork(p, "a.B.fast", 3, 3);
        at(3);
        fork(p, "a.B.slow", 1, 3);
        at(33);
        // Mean of 4 forks: 33/4 = 8.25 s; slow's 2 forks left at its own 30 s.
        assertThat(fork(p, "a.B.slow", 2, 3)).hasValue(
                "perf-gate: [2/2] a.B.slow fork 2/3  67% done, ETA 00:01:00 (measured, 8.3 s a fork)");
    }

    @Test
    void aQuietForkGetsALineSayingWhatItWaitsForAndWhenTheTimeoutEndsIt() {
        ForkProgress p = progress(2, null);
        at(0);
        fork(p, "a.B.slow", 1, 2);
        p.partial("# Warmup Iteration   1: ");
        at(29);
        assertThat(p.quiet()).isEmpty();
        at(31);
        assertThat(p.quiet()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("perf-gate: [2/2] a.B.slow fork 1/2: no output for 31 s; waiting for warm-up iteration 1 "
                        + "of 1 (100ms) to end, running for 31 s; JMH's iteration timeout (10 min by default; "
                        + "--timeout sets it) interrupts it in 9 min 29 s;")
                .contains("ETA"));
        at(40);
        assertThat(p.quiet()).as("the next line after twice as long").isEmpty();
        at(92);
        assertThat(p.quiet()).isPresent();
    }

    @Test
    void aGivenTimeoutIsNamedAndPassingItIsSaid() {
        ForkProgress p = progress(2, "20s");
        at(0);
        fork(p, "a.B.slow", 1, 2);
        p.line("# Warmup Iteration   1: 1.0 ns/op");
        p.partial("Iteration   1: ");
        at(TimeUnit.SECONDS.toSeconds(45));
        assertThat(p.quiet()).hasValueSatisfying(line -> assertThat(line)
                .contains("waiting for measurement iteration 1 of 2 (100ms) to end, running for 45 s; "
                        + "the --timeout of 20s has passed: JMH is interrupting it"));
    }

    @Test
    void aForkWithoutOutputYetIsWaitingForItsJvm() {
        ForkProgress p = progress(2, null);
        at(0);
        fork(p, "a.B.fast", 1, 2);
        at(30);
        assertThat(p.quiet()).hasValueSatisfying(line -> assertThat(line)
                .contains("waiting for the fork's JVM to start and begin its first iteration, for 30 s"));
    }

    @Test
    void quietThresholdIsTwoIterationsWhenTheyAreLongerThan30Seconds() {
        assertThat(new ForkProgress.Plan(List.of(), 1, 1, 1, 1, "20s", null).quietAfter()).hasSeconds(40);
        assertThat(new ForkProgress.Plan(List.of(), 1, 1, 1, 1, "1s", null).quietAfter()).hasSeconds(30);
    }
}

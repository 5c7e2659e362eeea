package dev.perfgate.core.stats;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NoiseTest {

    private static final Instant AT = Instant.parse("2026-11-27T06:00:00Z");

    /** Runs of log-normal forks with the given fork noise, each run shifted by a normal drift. */
    private static List<double[]> runs(int runs, int forks, double forkSd, double runSd, long seed) {
        Random random = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            double shift = runSd * random.nextGaussian();
            double[] means = new double[forks];
            for (int f = 0; f < forks; f++) {
                means[f] = 100 * Math.exp(shift + forkSd * random.nextGaussian());
            }
            out.add(means);
        }
        return out;
    }

    @Test
    void recoversForkNoiseAndRunShiftFromManyRuns() {
        Noise noise = Noise.of(runs(200, 20, 0.04, 0.02, 1), AT);

        assertThat(noise.forkLogSd()).isCloseTo(0.04, within(0.002));
        assertThat(noise.runLogSd()).isCloseTo(0.02, within(0.003));
        assertThat(noise.runs()).isEqualTo(200);
        assertThat(noise.forks()).isEqualTo(4000);
    }

    @Test
    void runsWithoutDriftGiveARunShiftNearZero() {
        Noise noise = Noise.of(runs(200, 20, 0.05, 0, 2), AT);

        assertThat(noise.runLogSd()).isLessThan(0.004);
    }

    @Test
    void oneRunHasNoRunShift() {
        Noise noise = Noise.of(List.of(new double[] {10, 11, 9, 10.5}), AT);

        assertThat(noise.runLogSd()).isNaN();
        assertThat(noise.forkLogSd()).isGreaterThan(0);
    }

    @Test
    void detectableChangeAndForksNeededFollowTheForkNoise() {
        Noise quiet = new Noise(0.02, 0, 3, 60, AT);
        Noise loud = new Noise(0.08, 0, 3, 60, AT);

        assertThat(quiet.minDetectableChange(20, 20, 0.05, 0.95)).isLessThan(loud.minDetectableChange(20, 20, 0.05, 0.95));
        assertThat(loud.forksNeeded(0.05, 0.05, 0.95)).isGreaterThan(quiet.forksNeeded(0.05, 0.05, 0.95));
        // 2 (1.960 + 1.645)^2 0.08^2 / ln(1.05)^2 / (3 / pi) = 73.2
        assertThat(loud.forksNeeded(0.05, 0.05, 0.95)).isEqualTo(74);
    }

    @Test
    void driftPWidensTheForkLevelTestByTheRunShift() {
        Noise steady = new Noise(0.03, 0, 3, 60, AT);
        Noise drifting = new Noise(0.03, 0.05, 3, 60, AT);

        // sd = sqrt(0.03^2 (2/20) + 2 0.05^2) = 0.0716; z = 0.10 / 0.0716 = 1.397; p = 0.162
        assertThat(drifting.driftP(0.10, 20, 20)).isCloseTo(0.162, within(0.001));
        assertThat(drifting.driftP(-0.10, 20, 20)).isEqualTo(drifting.driftP(0.10, 20, 20));
        assertThat(steady.driftP(0.10, 20, 20)).isZero();
    }

    @Test
    void refusesRunsWithoutTwoForksAndNonPositiveMeans() {
        assertThatThrownBy(() -> Noise.of(List.of(new double[] {1}, new double[] {2}), AT))
                .hasMessageContaining("no run has two forks");
        assertThatThrownBy(() -> Noise.of(List.of(new double[] {1, 0}), AT))
                .hasMessageContaining("positive");
    }
}

package dev.perfgate.cli.doctor;

import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.stats.GatePolicy;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoiseCheckTest {

    private static List<HostSpeed> runs(double... nanos) {
        return Arrays.stream(nanos).mapToObj(n -> new HostSpeed(Map.of(NoiseCheck.PROBE, new HostSpeed.Probe(n, 0.01))))
                .toList();
    }

    @Test
    void aQuietHostPasses() {
        Finding f = NoiseCheck.of(runs(1.00, 1.01, 0.99, 1.00, 1.005), 20, GatePolicy.DEFAULT);

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat((double) f.details().get("cv")).isCloseTo(0.0074, within(0.0005));
        assertThat(f.message()).startsWith("scalar_chain kernel in 5 JVMs: CV 0.7% (median spread within a JVM 1.0%)");
    }

    @Test
    void noiseThatLeavesLittleOfTheThresholdWarns() {
        // sd of the logs about 4.5%: 20 forks a side detect about 4%, more than half of 5%
        Finding f = NoiseCheck.of(runs(1.00, 1.04, 0.96, 1.05, 0.95), 20, GatePolicy.DEFAULT);

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat((double) f.details().get("detectable_change")).isBetween(0.025, 0.05);
    }

    @Test
    void noiseBeyondTheThresholdFails() {
        Finding f = NoiseCheck.of(runs(1.0, 1.3, 0.8, 1.2, 0.9), 20, GatePolicy.DEFAULT);

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.advice()).contains("perf-gate ab");
    }

    @Test
    void aTighterThresholdAsksForLessNoise() {
        List<HostSpeed> runs = runs(1.00, 1.02, 0.98, 1.02, 0.98);

        assertThat(NoiseCheck.of(runs, 20, GatePolicy.DEFAULT).status()).isEqualTo(Status.OK);
        assertThat(NoiseCheck.of(runs, 20, GatePolicy.DEFAULT.withThreshold(1)).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void fewerThanTwoResultsFail() {
        assertThat(NoiseCheck.of(runs(1.0), 20, GatePolicy.DEFAULT).status()).isEqualTo(Status.FAIL);
    }
}

package dev.perfgate.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code --confirm} costs the forks it adds; no JMH runs here. */
class ConfirmationTest {

    @Test
    void aFirstRunSlowerThanPlannedMakesEveryMoreForkCostAsMuchMore() {
        // ab of two planned benchmarks: 6.6 min planned for both sides, 8 min taken (a JMH start per fork).
        Duration planned = Duration.ofMillis(13_000);

        Duration cost = Confirmation.measuredForkCost(planned, 396, Duration.ofSeconds(480));

        assertThat(cost.toMillis()).isEqualTo(Math.round(13_000 * 480 / 396.0));
    }

    @Test
    void aFasterFirstRunOrNoPlannedTimeKeepsTheSettingsOwnFigure() {
        Duration planned = Duration.ofSeconds(13);

        assertThat(Confirmation.measuredForkCost(planned, 396, Duration.ofSeconds(300))).isEqualTo(planned);
        assertThat(Confirmation.measuredForkCost(planned, 0, Duration.ofSeconds(300))).isEqualTo(planned);
    }
}

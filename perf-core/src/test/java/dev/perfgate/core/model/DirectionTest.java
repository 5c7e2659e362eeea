package dev.perfgate.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DirectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"ops/s", "ops/ms", "ops/us", "ops/ns", "ops/min"})
    void operationsPerTimeAreHigherIsBetter(String unit) {
        assertThat(Direction.ofUnit(unit)).isEqualTo(Direction.HIGHER_IS_BETTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"us/op", "ns/op", "ms/op", "s/op", "B/op", "MB/sec", "counts"})
    void costsAreLowerIsBetter(String unit) {
        assertThat(Direction.ofUnit(unit)).isEqualTo(Direction.LOWER_IS_BETTER);
    }

    @Test
    void worseningIsPositiveForMoreTimeAndForFewerOperations() {
        assertThat(Direction.LOWER_IS_BETTER.worseningOf(1.10)).isCloseTo(0.10, within(1e-12));
        assertThat(Direction.HIGHER_IS_BETTER.worseningOf(0.90)).isCloseTo(0.10, within(1e-12));
        assertThat(Direction.HIGHER_IS_BETTER.worseningOf(1.25)).isCloseTo(-0.25, within(1e-12));
    }
}

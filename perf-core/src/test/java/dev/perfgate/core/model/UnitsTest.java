package dev.perfgate.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UnitsTest {

    @Test
    void microsecondsAreAThousandNanoseconds() {
        assertThat(Units.factor("us/op", "ns/op")).hasValueSatisfying(f -> assertThat(f).isCloseTo(1000.0, within(1e-9)));
    }

    @Test
    void opsPerSecondAreAThousandthOfOpsPerMillisecond() {
        assertThat(Units.factor("ops/s", "ops/ms")).hasValueSatisfying(f -> assertThat(f).isCloseTo(0.001, within(1e-15)));
        assertThat(Units.factor("\u00b5s/op", "us/op")).contains(1.0);
    }

    @Test
    void unitsOfDifferentKindsCannotBeConverted() {
        assertThat(Units.factor("ops/s", "us/op")).isEmpty();
        assertThat(Units.factor("B/op", "ns/op")).isEmpty();
        assertThat(Units.factor("MB/sec", "ops/s")).isEmpty();
    }

    @Test
    void sameUnitHasFactorOne() {
        assertThat(Units.factor("B/op", "B/op")).contains(1.0);
    }

    @Test
    void convertScalesScoreErrorAndEverySample() {
        Measurement us = new Measurement("us/op", 1.5, 0.25, List.of(List.of(1.0, 2.0)));

        assertThat(Units.convert(us, "ns/op")).hasValueSatisfying(ns -> {
            assertThat(ns.unit()).isEqualTo("ns/op");
            assertThat(ns.score()).isCloseTo(1500, within(1e-9));
            assertThat(ns.scoreError()).isCloseTo(250, within(1e-9));
            assertThat(ns.forks().get(0)).hasSize(2);
            assertThat(ns.forks().get(0).get(0)).isCloseTo(1000.0, within(1e-9));
            assertThat(ns.forks().get(0).get(1)).isCloseTo(2000.0, within(1e-9));
        });
    }
}

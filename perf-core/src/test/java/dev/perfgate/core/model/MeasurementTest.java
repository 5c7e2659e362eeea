package dev.perfgate.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeasurementTest {

    @Test
    void forkMeansAverageEachForkIgnoringNaN() {
        Measurement m = new Measurement("us/op", 2, 0, List.of(List.of(1.0, 3.0), List.of(Double.NaN, 4.0),
                List.of(Double.NaN)));

        assertThat(m.forkMeans()).containsExactly(2.0, 4.0);
        assertThat(m.forkCount()).isEqualTo(2);
        assertThat(m.iterationsPerFork()).isEqualTo(2);
    }

    @Test
    void forkCvIsSampleStandardDeviationOverMean() {
        Measurement m = new Measurement("us/op", 100, 0, List.of(List.of(90.0), List.of(100.0), List.of(110.0)));

        assertThat(m.forkCv()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void forkCvOfOneForkIsUnknown() {
        assertThat(new Measurement("us/op", 1, 0, List.of(List.of(1.0, 1.1))).forkCv()).isNaN();
        assertThat(new Measurement("us/op", 1, 0, null).forkCv()).isNaN();
    }
}

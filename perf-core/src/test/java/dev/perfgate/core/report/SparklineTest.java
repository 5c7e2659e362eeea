package dev.perfgate.core.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparklineTest {

    @Test
    void risingSeriesClimbsFromLowestToHighestBar() {
        assertThat(Sparkline.of(1, 2, 3, 4, 5, 6, 7, 8)).isEqualTo(Sparkline.BARS);
    }

    @Test
    void fallingSeriesDescends() {
        assertThat(Sparkline.of(80, 70, 60, 50, 40, 30, 20, 10))
                .isEqualTo(new StringBuilder(Sparkline.BARS).reverse().toString());
    }

    @Test
    void valuesAreScaledBetweenTheSeriesMinimumAndMaximum() {
        assertThat(Sparkline.of(10, 12, 11, 17)).isEqualTo("\u2581\u2583\u2582\u2588");
        assertThat(Sparkline.of(1000.0, 1000.5, 1001.0)).as("a small spread still fills the height")
                .isEqualTo("\u2581\u2585\u2588");
    }

    @Test
    void flatSeriesIsAFlatLineOfTheMiddleBar() {
        assertThat(Sparkline.of(5, 5, 5, 5)).isEqualTo("\u2584\u2584\u2584\u2584");
        assertThat(Sparkline.of(0, 0)).isEqualTo("\u2584\u2584");
        assertThat(Sparkline.of(1.0, 1.0 + 1e-12)).as("rounding noise from a unit conversion is flat")
                .isEqualTo("\u2584\u2584");
    }

    @Test
    void singlePointIsOneFlatBar() {
        assertThat(Sparkline.of(42.0)).isEqualTo(String.valueOf(Sparkline.FLAT));
    }

    @Test
    void nanAndInfinityAreGapsThatTakeNoPartInTheScaling() {
        assertThat(Sparkline.of(1, Double.NaN, 8, Double.POSITIVE_INFINITY, 4.5))
                .isEqualTo("\u2581 \u2588 \u2585");
        assertThat(Sparkline.of(3, 3, Double.NaN)).isEqualTo("\u2584\u2584 ");
        assertThat(Sparkline.of(Double.NaN, Double.NaN)).isEqualTo("  ");
    }

    @Test
    void emptySeriesIsEmpty() {
        assertThat(Sparkline.of()).isEmpty();
    }

    @Test
    void everyCharacterIsABarOrAGap() {
        assertThat(Sparkline.of(-3.5, 1e-9, 7e12, -1e300, 2.0, Double.NEGATIVE_INFINITY, 0))
                .hasSize(7).matches("[\u2581-\u2588 ]*");
    }
}

package dev.perfgate.analyzer.trend;

import javafx.util.StringConverter;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrendChartDatesTest {

    private static final long DAY = 24L * 3600 * 1000;

    @Test
    void dayLabelsReadBackToTheStartOfTheirDay() {
        long t = Instant.parse("2026-11-27T14:35:10Z").toEpochMilli();
        StringConverter<Number> dates = TrendChart.dates(DAY, t);

        assertThat(dates.toString(t)).isEqualTo("2026-11-27");
        assertThat(dates.fromString("2026-11-27")).isEqualTo(Instant.parse("2026-11-27T00:00:00Z").toEpochMilli());
    }

    @Test
    void timeLabelsReadBackInTheYearOfTheAxisStart() {
        long t = Instant.parse("2026-11-27T14:35:10Z").toEpochMilli();
        StringConverter<Number> dates = TrendChart.dates(3_600_000, t);

        assertThat(dates.toString(t)).isEqualTo("11-27 14:35");
        assertThat(dates.fromString("11-27 14:35")).isEqualTo(Instant.parse("2026-11-27T14:35:00Z").toEpochMilli());
    }
}

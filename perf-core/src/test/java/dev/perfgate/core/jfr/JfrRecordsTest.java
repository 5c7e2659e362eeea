package dev.perfgate.core.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value records refuse values outside their documented ranges and keep no caller's list. */
class JfrRecordsTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void sharesOutsideZeroToOneAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> new AllocatingClass("byte[]", 10, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("share must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> new HotMethod("p.C.m", 1, 1, Double.NaN, 0.1))
                .hasMessage("selfShare must be between 0 and 1, was NaN");
        assertThatThrownBy(() -> new MethodDelta("p.C.m", -0.1, 0.2))
                .hasMessage("baseSelfShare must be between 0 and 1, was -0.1");
    }

    @Test
    void hotMethodCannotHaveMoreSelfThanTotalSamples() {
        assertThatThrownBy(() -> new HotMethod("p.C.m", 5, 4, 0.5, 0.4))
                .hasMessage("totalSamples must be at least selfSamples (5), was 4");
    }

    @Test
    void cpuLoadAcceptsUnknownValuesButNotOvershoot() {
        assertThat(new CpuLoadSample(T0, Double.NaN, 0.1, 0.5).jvmUser()).isNaN();
        assertThatThrownBy(() -> new CpuLoadSample(T0, 0.5, 0.1, 1.01))
                .hasMessage("machineTotal must be between 0 and 1, was 1.01");
        assertThat(new CpuLoadSample(T0, 0.7, 0.6, 1.0).jvmTotal()).isEqualTo(1.0);
    }

    @Test
    void negativeDurationsAndCountsAreRejected() {
        assertThatThrownBy(() -> new GcPause(T0, Duration.ofMillis(-1), "G1New", ""))
                .hasMessage("duration must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> new GcSummary(-1, Duration.ZERO, Duration.ZERO, List.of()))
                .hasMessage("collections must be at least 0, was -1");
        assertThatThrownBy(() -> new AllocationSummary(0, Double.POSITIVE_INFINITY, List.of()))
                .hasMessage("bytesPerSecond must be finite and at least 0, was Infinity");
    }

    @Test
    void summaryCopiesItsLists() {
        List<HotMethod> methods = new ArrayList<>(List.of(new HotMethod("p.C.m", 1, 1, 1.0, 1.0)));
        JfrSummary summary = new JfrSummary("x.jfr", Duration.ofSeconds(1), GcSummary.NONE, AllocationSummary.NONE,
                List.of(), methods, 1);

        methods.clear();

        assertThat(summary.hotMethods()).hasSize(1);
        assertThat(summary.hotMethod("p.C.m")).isPresent();
        assertThat(summary.hotMethod("p.C.other")).isEmpty();
    }
}

package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Guards the kernels' "allocates nothing" tests against a probe that sees nothing at all. */
class AllocationProbeTest {

    private Object sink;

    @Test
    void probeSeesAnArrayAllocation() {
        AllocationProbe probe = new AllocationProbe();
        assumeTrue(probe.isSupported(), "per-thread allocation counter unavailable");

        long bytes = probe.fewestBytesPerRound(() -> sink = new float[1000], 10, 5);

        assertThat(bytes).isGreaterThanOrEqualTo(10 * 4000L);
        assertThat(sink).isNotNull();
    }
}

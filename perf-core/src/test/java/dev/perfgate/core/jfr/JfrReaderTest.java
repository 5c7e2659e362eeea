package dev.perfgate.core.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads real recordings made at test time: about 100 MB of byte arrays, one explicit GC, then a
 * second of CPU burning in a known method.
 */
class JfrReaderTest {

    private static final Duration WORK = Duration.ofMillis(1200);

    @TempDir
    static Path tmp;

    private static Path profile;
    private static Path tlabOnly;
    private static JfrSummary summary;

    @BeforeAll
    static void record() throws Exception {
        profile = Recordings.record(tmp.resolve("profile.jfr"), Recordings::profiling, () -> {
            // Allocation first, then burning: interleaved, allocation's share of samples varies too much
            // on a busy machine for "burnCpu is the hottest" to be a stable assertion.
            long acc = Workloads.allocateBytes(100_000, 1024);
            System.gc();
            return acc + Workloads.runFor(WORK, seed -> Workloads.nested(3, seed));
        });
        tlabOnly = Recordings.record(tmp.resolve("tlab.jfr"), Recordings::tlabAllocations,
                () -> Workloads.allocateBytes(200_000, 1024) + Workloads.allocateBytes(8, 4 << 20));
        summary = new JfrReader().read(profile);
    }

    @Test
    void summaryNamesItsSourceAndSpansTheRecording() {
        assertThat(summary.source()).isEqualTo(profile.toString());
        assertThat(summary.duration()).isGreaterThanOrEqualTo(WORK.dividedBy(2)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void theMethodBurningCpuIsTheHottestBySelfSamples() {
        assertThat(summary.executionSamples()).isPositive();
        HotMethod hottest = summary.hotMethods().get(0);
        assertThat(hottest.method()).as("hottest of %s", summary.hotMethods()).isEqualTo(Workloads.BURN_CPU);
        assertThat(hottest.selfShare()).as("self share of %s", hottest).isGreaterThan(0.5);
        assertThat(hottest.selfShare()).isCloseTo(hottest.selfSamples() / (double) summary.executionSamples(), within(1e-12));
        assertThat(hottest.totalSamples()).isGreaterThanOrEqualTo(hottest.selfSamples());
    }

    @Test
    void hotMethodsAreOrderedBySelfSamplesAndLimitedToTwentyByDefault() {
        assertThat(summary.hotMethods()).hasSizeLessThanOrEqualTo(JfrReader.DEFAULT_TOP);
        assertThat(summary.hotMethods()).extracting(HotMethod::selfSamples).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void callersCountInTotalSamplesOncePerSampleEvenWhenRecursive() throws Exception {
        JfrSummary all = new JfrReader(10_000).read(profile);
        HotMethod burn = all.hotMethod(Workloads.BURN_CPU).orElseThrow();
        HotMethod nested = all.hotMethod(Workloads.NESTED).orElseThrow();
        HotMethod caller = all.hotMethod(Workloads.RUN_FOR).orElseThrow();

        // nested() is four frames deep on every burning stack, yet counts once per sample.
        assertThat(nested.totalSamples()).isGreaterThanOrEqualTo(burn.selfSamples()).isLessThanOrEqualTo(all.executionSamples());
        assertThat(caller.totalSamples()).isGreaterThanOrEqualTo(nested.totalSamples());
        assertThat(caller.totalShare()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void topLimitsHotMethodsAndAllocatingClasses() throws Exception {
        JfrSummary small = new JfrReader(1).read(profile);

        assertThat(small.hotMethods()).hasSize(1);
        assertThat(small.allocation().topClasses()).hasSize(1);
        assertThat(small.executionSamples()).isEqualTo(summary.executionSamples());
        assertThat(small.allocation().totalBytes()).isEqualTo(summary.allocation().totalBytes());
    }

    @Test
    void topBelowOneIsRejected() {
        assertThatThrownBy(() -> new JfrReader(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("top must be at least 1, was 0");
    }

    @Test
    void explicitGcShowsAsACollectionWithItsPause() {
        GcSummary gc = summary.gc();

        assertThat(gc.collections()).isGreaterThanOrEqualTo(1).isEqualTo(gc.pauses().size());
        assertThat(gc.pauses()).anySatisfy(p -> assertThat(p.cause()).isEqualTo("System.gc()"));
        assertThat(gc.totalPause()).isPositive().isGreaterThanOrEqualTo(gc.longestPause());
        assertThat(gc.longestPause()).isPositive();
        assertThat(gc.pauses()).extracting(GcPause::start).isSorted();
    }

    @Test
    void byteArraysLeadAllocationUnderTheirJavaName() {
        AllocationSummary allocation = summary.allocation();
        AllocatingClass top = allocation.topClasses().get(0);

        assertThat(top.className()).isEqualTo("byte[]");
        assertThat(top.share()).isGreaterThan(0.5);
        assertThat(top.share()).isCloseTo(top.bytes() / (double) allocation.totalBytes(), within(1e-12));
        assertThat(allocation.topClasses()).extracting(AllocatingClass::className).noneMatch(n -> n.startsWith("["));
        double seconds = summary.duration().toNanos() / 1e9;
        assertThat(allocation.bytesPerSecond()).isCloseTo(allocation.totalBytes() / seconds, within(1.0));
    }

    @Test
    void tlabEventsStandInForMissingAllocationSamples() throws Exception {
        JfrSummary tlab = new JfrReader().read(tlabOnly);

        assertThat(tlab.allocation().totalBytes()).isGreaterThanOrEqualTo(8L << 22);
        assertThat(tlab.allocation().topClasses().get(0).className()).isEqualTo("byte[]");
        assertThat(tlab.executionSamples()).isZero();
        assertThat(tlab.hotMethods()).isEmpty();
        assertThat(tlab.cpuLoad()).isEmpty();
    }

    @Test
    void cpuLoadIsSampledOverTheRecordingOldestFirst() {
        assertThat(summary.cpuLoad()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(summary.cpuLoad()).extracting(CpuLoadSample::time).isSorted();
        assertThat(summary.cpuLoad()).anySatisfy(s -> assertThat(s.jvmUser()).isPositive());
        assertThat(summary.cpuLoad()).allSatisfy(s -> assertThat(s.machineTotal()).isBetween(0.0, 1.0));
    }
}

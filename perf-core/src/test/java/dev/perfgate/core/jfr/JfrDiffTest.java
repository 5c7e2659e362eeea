package dev.perfgate.core.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where CPU time moved between two recordings: real recordings first, then exact hand-made summaries. */
class JfrDiffTest {

    private static final Duration WORK = Duration.ofMillis(700);

    @TempDir
    Path tmp;

    @Test
    void methodBurningOnlyInTheCurrentRecordingComesFirstWithAPositiveDelta() throws Exception {
        JfrReader reader = new JfrReader();
        JfrSummary base = reader.read(Recordings.record(tmp.resolve("a.jfr"), Recordings::executionSamples,
                () -> Workloads.runFor(WORK, Workloads::burnInA)));
        JfrSummary current = reader.read(Recordings.record(tmp.resolve("b.jfr"), Recordings::executionSamples,
                () -> Workloads.runFor(WORK, Workloads::burnInB)));

        List<MethodDelta> hotter = JfrDiff.hotter(base, current, 5);

        assertThat(hotter).as("hotter of %s", hotter).isNotEmpty();
        MethodDelta first = hotter.get(0);
        assertThat(first.method()).isEqualTo(Workloads.BURN_IN_B);
        assertThat(first.baseSelfShare()).isZero();
        assertThat(first.delta()).isGreaterThan(0.5);
        assertThat(hotter).extracting(MethodDelta::method).doesNotContain(Workloads.BURN_IN_A);
        assertThat(JfrDiff.cooler(base, current, 5).get(0).method()).isEqualTo(Workloads.BURN_IN_A);
    }

    @Test
    void hotterRanksByGrowthOfSelfShareAndLeavesOutShrinkingMethods() {
        JfrSummary base = summary(method("p.A.grew", 0.10), method("p.B.shrank", 0.50), method("p.C.same", 0.20));
        JfrSummary current = summary(method("p.A.grew", 0.30), method("p.B.shrank", 0.10), method("p.C.same", 0.20),
                method("p.D.appeared", 0.40));

        List<MethodDelta> hotter = JfrDiff.hotter(base, current, 10);

        assertThat(hotter).containsExactly(
                new MethodDelta("p.D.appeared", 0.0, 0.40),
                new MethodDelta("p.A.grew", 0.10, 0.30));
        assertThat(hotter.get(1).delta()).isCloseTo(0.20, within(1e-12));
    }

    @Test
    void coolerRanksByDropAndIncludesMethodsGoneFromCurrent() {
        JfrSummary base = summary(method("p.A.gone", 0.30), method("p.B.shrank", 0.50));
        JfrSummary current = summary(method("p.B.shrank", 0.45));

        assertThat(JfrDiff.cooler(base, current, 10)).extracting(MethodDelta::method)
                .containsExactly("p.A.gone", "p.B.shrank");
    }

    @Test
    void hotterKeepsAtMostTopMethodsAndBreaksTiesByName() {
        JfrSummary base = summary();
        JfrSummary current = summary(method("p.Z.z", 0.2), method("p.A.a", 0.2), method("p.M.m", 0.1));

        assertThat(JfrDiff.hotter(base, current, 2)).extracting(MethodDelta::method).containsExactly("p.A.a", "p.Z.z");
    }

    @Test
    void allListsEveryMethodFromGrowthToDrop() {
        JfrSummary base = summary(method("p.A.down", 0.5));
        JfrSummary current = summary(method("p.B.up", 0.5));

        assertThat(JfrDiff.all(base, current)).extracting(MethodDelta::method).containsExactly("p.B.up", "p.A.down");
    }

    @Test
    void topBelowOneIsRejected() {
        assertThatThrownBy(() -> JfrDiff.hotter(summary(), summary(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("top must be at least 1, was 0");
    }

    private static HotMethod method(String name, double selfShare) {
        long self = Math.round(selfShare * 1000);
        return new HotMethod(name, self, self, selfShare, selfShare);
    }

    private static JfrSummary summary(HotMethod... methods) {
        return new JfrSummary("test", Duration.ofSeconds(1), GcSummary.NONE, AllocationSummary.NONE,
                List.of(), Arrays.asList(methods), 1000);
    }
}

package dev.perfgate.core.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events under the JDK's names but with fields missing or of other types, as another JDK version,
 * vendor or tool might write them: the reader uses neutral values instead of failing.
 */
class JfrReaderOddEventsTest {

    @Name("jdk.GarbageCollection")
    @StackTrace(false)
    static final class OddGc extends Event {
        String name;
        long cause;
    }

    @Name("jdk.GarbageCollection")
    @StackTrace(false)
    static final class OverlongPauseGc extends Event {
        @Timespan
        long sumOfPauses;
        @Timespan
        long longestPause;
    }

    @Name("jdk.ExecutionSample")
    @StackTrace(false)
    static final class StacklessSample extends Event {
    }

    @Name("jdk.CPULoad")
    @StackTrace(false)
    static final class OddCpuLoad extends Event {
        String jvmUser;
        float jvmSystem;
        float machineTotal;
    }

    @Name("jdk.ObjectAllocationSample")
    @StackTrace(false)
    static final class ClasslessAllocation extends Event {
        long weight;
    }

    private static final List<Class<? extends Event>> ODD_EVENTS = List.of(
            OddGc.class, OverlongPauseGc.class, StacklessSample.class, OddCpuLoad.class, ClasslessAllocation.class);

    @TempDir
    static Path tmp;

    private static JfrSummary summary;

    @BeforeAll
    static void recordOddEvents() throws Exception {
        Path file = Recordings.record(tmp.resolve("odd.jfr"), recording -> ODD_EVENTS.forEach(recording::enable), () -> {
            OddGc gc = new OddGc();
            gc.name = "OddCollector";
            gc.cause = 7;
            gc.commit();
            OverlongPauseGc overlong = new OverlongPauseGc();
            overlong.sumOfPauses = 5_000_000;
            overlong.longestPause = 9_000_000;
            overlong.commit();
            new StacklessSample().commit();
            OddCpuLoad load = new OddCpuLoad();
            load.jvmUser = "busy";
            load.jvmSystem = 0.25f;
            load.machineTotal = 1.5f;
            load.commit();
            ClasslessAllocation allocation = new ClasslessAllocation();
            allocation.weight = 4096;
            allocation.commit();
            return 0;
        });
        summary = new JfrReader().read(file);
    }

    @AfterAll
    static void unregister() {
        // Keeps the fake jdk.* event types out of recordings made later in this JVM.
        ODD_EVENTS.forEach(FlightRecorder::unregister);
    }

    @Test
    void collectionsWithoutPauseFieldsOrCauseStillCount() {
        assertThat(summary.gc().collections()).isEqualTo(2);
        assertThat(summary.gc().pauses()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("OddCollector");
            assertThat(p.cause()).isEmpty();
        });
    }

    @Test
    void longestPauseNeverExceedsTheCollectionsSumOfPauses() {
        // Timespans of user events are in nanoseconds unless annotated otherwise.
        assertThat(summary.gc().pauses()).anySatisfy(p -> assertThat(p.duration()).isEqualTo(Duration.ofMillis(5)));
        assertThat(summary.gc().longestPause()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void samplesWithoutStackTracesCountButNameNoMethod() {
        assertThat(summary.executionSamples()).isEqualTo(1);
        assertThat(summary.hotMethods()).isEmpty();
    }

    @Test
    void cpuLoadOfTheWrongTypeIsUnknownAndOvershootIsClamped() {
        assertThat(summary.cpuLoad()).singleElement().satisfies(s -> {
            assertThat(s.jvmUser()).isNaN();
            assertThat(s.jvmSystem()).isEqualTo(0.25);
            assertThat(s.machineTotal()).isEqualTo(1.0);
            assertThat(s.jvmTotal()).isNaN();
        });
    }

    @Test
    void allocationWithoutAClassIsAttributedToUnknown() {
        assertThat(summary.allocation().totalBytes()).isEqualTo(4096);
        assertThat(summary.allocation().topClasses()).singleElement()
                .isEqualTo(new AllocatingClass("<unknown>", 4096, 1.0));
    }
}

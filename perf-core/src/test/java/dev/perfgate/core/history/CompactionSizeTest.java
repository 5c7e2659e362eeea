package dev.perfgate.core.history;

import dev.perfgate.core.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.perfgate.core.history.GeneratedHistory.LINUX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size arithmetic of docs/file-formats.md: bytes of one run before and after compaction, and a
 * year of daily runs of 50 benchmarks x 20 forks x 4 iterations (with -prof gc's three secondary
 * metrics, a 10% step on day 200 and two approvals) compacted with every trend and change point
 * unchanged. A compacted run keeps the allocation of the three secondary metrics, and the host class
 * of the host identity. Sizes are printed; the test asserts the trends and the ratio.
 */
class CompactionSizeTest {

    @TempDir
    Path project;

    private final HistoryCodec codec = new HistoryCodec();

    private long bytes(Run run) {
        return (codec.write(new HistoryRecord.RunRecord(run)) + "\n").getBytes(StandardCharsets.UTF_8).length;
    }

    /** Bytes of the line gzipped, roughly what git stores of it before deltas. */
    private long gzipped(Run run) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write((codec.write(new HistoryRecord.RunRecord(run)) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.size();
    }

    @Test
    void bytesPerRunBeforeAndAfterCompaction() {
        for (int benchmarks : new int[] {50, 1000}) {
            Run run = new GeneratedHistory(benchmarks, 20, 4, 1000, 0).run(3);
            long whole = bytes(run);
            long compacted = bytes(CompactedRuns.compact(run));
            long wholeGzip = gzipped(run);
            long compactedGzip = gzipped(CompactedRuns.compact(run));
            System.out.printf(Locale.ROOT, "CompactionSizeTest: a run of %d benchmarks x 20 forks x 4 iterations: "
                    + "%d bytes whole, %d compacted (%.1fx); gzipped %d and %d (%.1fx)%n", benchmarks, whole, compacted,
                    (double) whole / compacted, wholeGzip, compactedGzip, (double) wholeGzip / compactedGzip);
            // Measured 10.7x (50 benchmarks) and 10.5x (1,000): a compacted benchmark keeps its identity,
            // unit, score and error and its allocation's, about 250 bytes of the 2,780 it took whole.
            assertThat(compacted).isLessThan(whole / 10);
        }
    }

    @Test
    void aYearOfDailyRunsOf50BenchmarksCompactsWithEveryTrendUnchanged() throws Exception {
        HistoryStore store = new HistoryStore(project, Clock.systemUTC());
        Path file = store.path(LINUX);
        new GeneratedHistory(50, 20, 4, 200, 0.10).write(file, 365, List.of(100, 200));
        Path original = project.resolve("original.jsonl");
        Files.copy(file, original);
        Trends trends = new Trends(store, ChangePoints.defaults());
        Trends.Result before = trends.read(file, id -> true, 0);
        assertThat(before.trends()).hasSize(50).allSatisfy(t -> assertThat(t.changePoints()).isNotEmpty());

        for (HistoryCompactor.KeepSamples keep : List.of(HistoryCompactor.KeepSamples.days(90),
                HistoryCompactor.KeepSamples.days(30), HistoryCompactor.KeepSamples.days(7),
                HistoryCompactor.KeepSamples.runs(0))) {
            Files.copy(original, file, StandardCopyOption.REPLACE_EXISTING);
            long start = System.nanoTime();
            HistoryCompactor.Outcome o = new HistoryCompactor(store, Clock.systemUTC()).compact(file, LINUX, keep,
                    Set.of());
            double seconds = (System.nanoTime() - start) / 1e9;
            double ratio = (double) o.bytesBefore() / o.bytesAfter();
            System.out.printf(Locale.ROOT, "CompactionSizeTest: a year of daily runs, 50 benchmarks, --keep-samples %s: "
                    + "%d -> %d bytes (%.1fx smaller), %d runs compacted, %d kept whole (%d recent, %d approved, "
                    + "%d at change points), %.1f s%n", keep, o.bytesBefore(), o.bytesAfter(), ratio, o.compacted(),
                    o.keptWhole(), o.recent(), o.approved(), o.atChangePoint(), seconds);
            assertThat(trends.read(file, id -> true, 0)).isEqualTo(before);
            assertThat(store.verify(file, LINUX).ok()).isTrue();
            if (keep.runs() == 0) {
                // Measured 10.4x: the 362 compacted runs are 11.3x smaller each; the 3 runs kept whole
                // (approved, at a change point) are 8% of what remains.
                assertThat(ratio).isGreaterThanOrEqualTo(10);
            }
        }
    }
}

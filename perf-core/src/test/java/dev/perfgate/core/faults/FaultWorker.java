package dev.perfgate.core.faults;

import dev.perfgate.core.baseline.Approval;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.history.HistoryCodec;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A process that writes a project's files in a loop until it is killed, for {@link KillTest}. After
 * each write has returned it prints {@code ok <key>} and flushes, so the test knows which writes
 * reported success.
 *
 * <pre>
 * FaultWorker append PROJECT WORKER BENCHMARKS   appends runs WORKER-1, WORKER-2, ... of BENCHMARKS benchmarks
 * FaultWorker approve PROJECT WORKER FORKS       approves benchmarks WORKER_1, WORKER_2, ... each with FORKS forks
 * FaultWorker tear PROJECT WORKER BENCHMARKS     after a pause, writes part of a run's line under the history's
 *                                                lock and dies (Runtime.halt) without finishing it
 * </pre>
 */
public final class FaultWorker {

    static final PlatformKey PLATFORM = PlatformKey.parse("linux-x86_64");
    static final Fingerprint FINGERPRINT = new Fingerprint("fault test", 2, "vendor", "17", List.of(), "Linux", "6");

    private FaultWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[1]);
        String worker = args[2];
        int size = Integer.parseInt(args[3]);
        PrintStream out = System.out;
        out.println("started " + worker);
        out.flush();
        if (args[0].equals("tear")) {
            tear(project, worker, size);
        }
        for (int k = 1; ; k++) {
            String key = worker + "-" + k;
            if (args[0].equals("append")) {
                Optional<Path> torn = new HistoryStore(project, Clock.systemUTC()).append(PLATFORM, run(key, size));
                torn.ifPresent(p -> out.println("torn " + p));
            } else {
                new BaselineStore(project).update(PLATFORM, current -> approve(current, key, size), false);
            }
            out.println("ok " + key);
            out.flush();
        }
    }

    /** Writes the first part of a record's line, as the append would, and dies holding the lock. */
    private static void tear(Path project, String worker, int benchmarks) throws Exception {
        Thread.sleep(ThreadLocalRandom.current().nextInt(600));
        Path file = new HistoryStore(project, Clock.systemUTC()).path(PLATFORM);
        byte[] line = (new HistoryCodec().write(run(worker + "-torn", benchmarks)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        SafeFiles.withLock(file, () -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line, 0, 1 + ThreadLocalRandom.current().nextInt(line.length - 1)));
                channel.force(true);
            }
            Runtime.getRuntime().halt(137);
            return null;
        });
    }

    /** A run whose id is {@code key}, with {@code benchmarks} benchmarks of 10 forks x 10 iterations. */
    static HistoryRecord run(String key, int benchmarks) {
        List<BenchmarkResult> results = new ArrayList<>();
        for (int b = 0; b < benchmarks; b++) {
            results.add(new BenchmarkResult(BenchmarkId.of("dev.faults.Bench.m" + b, Mode.AVERAGE_TIME, Map.of()),
                    measurement(10, 100 + b), Map.of(), RunSettings.UNKNOWN));
        }
        return new HistoryRecord.RunRecord(new Run(key, Instant.now(), "c0ffee", "main", PLATFORM, FINGERPRINT, null,
                results));
    }

    /** The current baseline plus an entry for benchmark {@code dev.faults.<key>}. */
    static BaselineFile approve(Optional<BaselineFile> current, String key, int forks) {
        List<BaselineEntry> entries = new ArrayList<>(current.flatMap(BaselineFile::unknownClass).map(Baseline::entries)
                .orElse(List.of()));
        entries.add(new BaselineEntry(id(key), measurement(forks, 42), null, null,
                new Approval(Instant.now(), "fault test", "approval " + key, "c0ffee", key)));
        return BaselineFile.of(new Baseline(PLATFORM, null, FINGERPRINT, Instant.now(), entries));
    }

    static BenchmarkId id(String key) {
        return BenchmarkId.of("dev.faults." + key.replace('-', '_'), Mode.AVERAGE_TIME, Map.of());
    }

    private static Measurement measurement(int forks, double level) {
        List<List<Double>> samples = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            List<Double> iterations = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                iterations.add(level + f * 0.01 + i * 0.001);
            }
            samples.add(iterations);
        }
        return new Measurement("us/op", level, 0.1, samples);
    }
}

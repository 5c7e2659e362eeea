package dev.perfgate.core.faults;

import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.BenchmarkId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several processes write the same history or baseline at once and are killed with SIGKILL at
 * random moments, round after round. After every round the files must read back whole, and in
 * the end every write that reported success must be there exactly once.
 *
 * <p>A SIGKILL almost never lands inside the write call itself (the kernel copies even a 1.5 MB
 * line in well under a millisecond; most of an append is the fsync after it), so in each history
 * round one more process appends a record and dies half-way through writing it, as a power cut
 * or a kernel panic would leave it: the appends after it must move the fragment aside and say so.
 *
 * <p>The normal suite runs {@value #DEFAULT_ROUNDS} rounds; the {@code reliability} Maven profile
 * sets {@code perfgate.faults.rounds} for the long run. {@code perfgate.faults.seed} repeats a
 * run's kill schedule (the seed is printed).
 */
class KillTest {

    private static final int DEFAULT_ROUNDS = 4;
    private static final int ROUNDS = Integer.getInteger("perfgate.faults.rounds", DEFAULT_ROUNDS);
    private static final int WORKERS = 3;

    @TempDir
    Path project;

    @Test
    void killedAppendersLoseNoReportedRecordAndLeaveAtMostATornLastLine() throws Exception {
        Random random = random("history");
        long appends = 0;
        long lines = 0;
        int tornTails = 0;
        int fragmentCount = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // Each round writes a history of its own, so that checking it costs the same in round 100 as in round 1.
            Path dir = project.resolve("round-" + round);
            HistoryStore store = new HistoryStore(dir, Clock.systemUTC());
            Path file = store.path(FaultWorker.PLATFORM);
            Set<String> reported = new HashSet<>();
            List<String> tornNotices = new ArrayList<>();
            // Runs of 1 and of 300 benchmarks (about 230 KB a line).
            collect(round(random, dir, "append", round, () -> random.nextBoolean() ? "1" : "300"), reported,
                    tornNotices);
            HistoryStore.Verification v = store.verify(file, FaultWorker.PLATFORM);
            assertThat(v.problems()).as("round %d", round).isEmpty();
            tornTails += v.tornLastLine() ? 1 : 0;

            Optional<Path> repaired = store.append(FaultWorker.PLATFORM, FaultWorker.run("final", 1));
            HistoryStore.Verification end = store.verify(file, FaultWorker.PLATFORM);
            List<String> ids = new ArrayList<>();
            store.stream(file, (lineNo, record) -> ids.add(((HistoryRecord.RunRecord) record).run().runId()));

            assertThat(reported).as("round %d", round).isNotEmpty();
            assertThat(tornNotices).as("round %d: the appends after the torn write said so", round).isNotEmpty();
            assertThat(end.ok()).isTrue();
            assertThat(end.tornLastLine()).isFalse();
            assertThat(ids).as("round %d", round).doesNotHaveDuplicates().containsAll(reported).contains("final");
            List<Path> fragments = fragments(file);
            assertThat(fragments).hasSize(tornNotices.size() + (repaired.isPresent() ? 1 : 0));
            appends += reported.size();
            lines += ids.size();
            fragmentCount += fragments.size();
            deleteTree(dir);
        }
        System.out.printf("KillTest history: %d rounds x %d processes, %d appends reported and all present, "
                + "%d lines in all, %d rounds ended in a torn last line, %d fragments set aside%n", ROUNDS, WORKERS,
                appends, lines, tornTails, fragmentCount);
    }

    @Test
    void killedApproversLeaveTheOldOrTheNewBaselineAndLoseNoReportedApproval() throws Exception {
        BaselineStore store = new BaselineStore(project);
        Random random = random("baseline");
        Set<String> reported = new HashSet<>();
        int entries = 0;
        for (int round = 0; round < ROUNDS; round++) {
            collect(round(random, project, "approve", round, () -> "2"), reported, new ArrayList<>());
            // Reads whole (a mix of two writes would not parse or would lose an entry), and holds every
            // approval that reported success: concurrent read-modify-writes were serialized.
            Set<BenchmarkId> ids = store.read(FaultWorker.PLATFORM).flatMap(BaselineFile::unknownClass).map(Baseline::entries).orElse(List.of()).stream()
                    .map(BaselineEntry::id).collect(Collectors.toSet());
            assertThat(ids).as("round %d", round).containsAll(reported.stream().map(FaultWorker::id).toList());
            entries = ids.size();
        }
        assertThat(reported).hasSizeGreaterThan(ROUNDS);
        // A writer killed before its rename leaves its temporary file; the next writer removes it under
        // the lock. The last round may end with such a kill, so one more approval comes after it.
        store.update(FaultWorker.PLATFORM, current -> FaultWorker.approve(current, "final", 2), false);
        try (Stream<Path> files = Files.list(project.resolve("baselines"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).as("no temporary file of a killed writer is left after the next write")
                    .containsExactly(".linux-x86_64.json.lock", "linux-x86_64.json");
        }
        System.out.printf("KillTest baseline: %d rounds x %d processes, %d approvals reported and all present, "
                + "%d entries%n", ROUNDS, WORKERS, reported.size(), entries);
    }

    /** Starts the workers, kills each at a random moment after it started, and returns their output. */
    private List<String> round(Random random, Path dir, String mode, int round,
                               java.util.function.Supplier<String> size) throws Exception {
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            // In each history round one process dies inside its write, as in a power cut.
            String how = mode.equals("append") && w == 0 ? "tear" : mode;
            outputs.add(Files.createTempFile(project, "worker", ".out"));
            Process p = new ProcessBuilder(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), FaultWorker.class.getName(), how, dir.toString(),
                    "w" + round + "x" + w, size.get()).redirectErrorStream(true)
                    // A file, not a pipe: the JDK closes a dead process's pipe under a reader's feet.
                    .redirectOutput(outputs.get(outputs.size() - 1).toFile()).start();
            processes.add(p);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (read(outputs).stream().filter(l -> l.startsWith("started")).count() < WORKERS) {
            assertThat(System.nanoTime()).as("workers started: %s", read(outputs)).isLessThan(deadline);
            Thread.sleep(5);
        }
        if (mode.equals("append")) {
            // The tearing process ends itself; the others append after its torn write.
            assertThat(processes.get(0).waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        for (Process p : processes) {
            Thread.sleep(200 + random.nextInt(1300));
            p.destroyForcibly();
        }
        for (Process p : processes) {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<String> output = read(outputs);
        for (Path file : outputs) {
            Files.delete(file);
        }
        assertThat(output).as("worker output").allSatisfy(l -> assertThat(l).matches("(started|ok|torn) .*"));
        return output;
    }

    /** The complete lines the workers wrote so far. */
    private static List<String> read(List<Path> outputs) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : outputs) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            lines.addAll(text.substring(0, text.lastIndexOf('\n') + 1).lines().toList());
        }
        return lines;
    }

    private static void collect(List<String> lines, Set<String> reported, List<String> torn) {
        for (String line : lines) {
            if (line.startsWith("ok ")) {
                assertThat(reported.add(line.substring(3))).as("reported once: %s", line).isTrue();
            } else if (line.startsWith("torn ")) {
                torn.add(line.substring(5));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<Path> fragments(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".torn-")).toList();
        }
    }

    private static Random random(String test) {
        long seed = Long.getLong("perfgate.faults.seed", System.nanoTime());
        System.out.println("KillTest " + test + ": -Dperfgate.faults.seed=" + seed);
        return new Random(seed);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }
}

package dev.perfgate.core.fuzz;

import dev.perfgate.core.InputException;
import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.core.history.CompactedRuns;
import dev.perfgate.core.history.HistoryCodec;
import dev.perfgate.core.history.HistoryReader;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Run;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways {@link HistoryReader} reads a line, through the byte scan that checks and drops the
 * samples ({@link HistoryReader.Detail#SUMMARY}: trends, verification, the analyzer) and wholly
 * through {@link HistoryCodec} ({@link HistoryReader.Detail#FULL}), must agree on every line: the
 * same records (samples aside) or the same refusal, message for message. The lines are the ones
 * perfgate writes (the golden history's run and approval, a run with a host identity, a compacted
 * run, a run whose samples are empty arrays), broken by {@link Mutations} as in {@link InputFuzzTest}, between two whole copies of the
 * golden history so that line numbers and the lines around matter too.
 *
 * <p>Tries: {@code jqwik.tries.default}, raised to 10,000 by the {@code reliability} profile.
 */
class DifferentialFuzzTest {

    private static final Path DIR = tempDir();
    private static final List<byte[]> SEEDS = seeds();
    /** Cases whose file both reads accepted, and those both refused with the same message. */
    private static final java.util.concurrent.atomic.AtomicInteger ACCEPTED = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger REFUSED = new java.util.concurrent.atomic.AtomicInteger();

    @Property
    void theSummaryReadAndTheFullReadGiveTheSameRecordsOrTheSameRefusal(@ForAll long seed) throws Exception {
        byte[] golden = resource("golden/history.jsonl");
        byte[] line = SEEDS.get((int) Math.floorMod(seed, (long) SEEDS.size()));
        Path file = DIR.resolve("history-" + Thread.currentThread().getId() + ".jsonl");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(golden);
        content.write(Mutations.mutate(line, seed));
        content.write('\n');
        content.write(golden);
        Files.write(file, content.toByteArray());

        Outcome summary = read(file, HistoryReader.Detail.SUMMARY);
        Outcome full = read(file, HistoryReader.Detail.FULL);

        assertThat(summary.problem()).isEqualTo(full.problem());
        assertThat(summary.records()).isEqualTo(full.records());
        assertThat(summary.torn()).isEqualTo(full.torn());
        (full.problem() == null ? ACCEPTED : REFUSED).incrementAndGet();
    }

    /**
     * What a read gave: the first refusal's message, or the records (without samples, with their
     * line numbers) and whether the last line was torn.
     */
    private record Outcome(String problem, List<String> records, boolean torn) {
    }

    private static Outcome read(Path file, HistoryReader.Detail detail) {
        List<String> records = new ArrayList<>();
        try {
            HistoryReader.Summary s = new HistoryReader().read(file, detail, (lineNo, offset, length, record) ->
                    records.add(lineNo + " " + offset + " " + length + " " + withoutSamples(record)));
            return new Outcome(null, records, s.tornLastLine());
        } catch (InputException e) {
            return new Outcome(e.getMessage(), List.of(), false);
        }
    }

    /** A record as a comparable text, its measurements without samples (a summary read leaves them out). */
    private static String withoutSamples(HistoryRecord record) {
        if (!(record instanceof HistoryRecord.RunRecord r)) {
            return record.toString();
        }
        Run run = r.run();
        List<BenchmarkResult> results = new ArrayList<>();
        for (BenchmarkResult b : run.results()) {
            Map<String, Measurement> secondary = new LinkedHashMap<>();
            b.secondary().forEach((name, m) -> secondary.put(name, strip(m)));
            results.add(new BenchmarkResult(b.id(), strip(b.primary()), secondary, b.settings()));
        }
        return new Run(run.runId(), run.timestamp(), run.commit(), run.branch(), run.platform(), run.fingerprint(),
                run.host(), results).toString();
    }

    private static Measurement strip(Measurement m) {
        return new Measurement(m.unit(), m.score(), m.scoreError(), List.of(), m.summary());
    }

    /** The lines perfgate writes: the golden history's, one with a host identity, one compacted. */
    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (String line : new String(resource("golden/history.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            seeds.add(line.getBytes(StandardCharsets.UTF_8));
        }
        HistoryCodec codec = new HistoryCodec();
        Run run = ProjectFixtures.run(3, ProjectFixtures.resultsOf(3, 99),
                new HostIdentity(ProjectFixtures.AVX2, "17.0.15+6", Map.of(), "AMD EPYC", null));
        seeds.add(codec.write(new HistoryRecord.RunRecord(run)).getBytes(StandardCharsets.UTF_8));
        seeds.add(codec.write(new HistoryRecord.RunRecord(CompactedRuns.compact(run))).getBytes(StandardCharsets.UTF_8));
        // JMH output without raw data: every "samples" an empty array.
        List<BenchmarkResult> scoresOnly = new ArrayList<>();
        for (BenchmarkResult b : run.results()) {
            Map<String, Measurement> secondary = new LinkedHashMap<>();
            b.secondary().forEach((name, m) -> secondary.put(name, new Measurement(m.unit(), m.score(), m.scoreError(),
                    List.of())));
            scoresOnly.add(new BenchmarkResult(b.id(), new Measurement(b.primary().unit(), b.primary().score(),
                    b.primary().scoreError(), List.of()), secondary, b.settings()));
        }
        seeds.add(codec.write(new HistoryRecord.RunRecord(new Run(run.runId(), run.timestamp(), run.commit(),
                run.branch(), run.platform(), run.fingerprint(), run.host(), scoresOnly))).getBytes(StandardCharsets.UTF_8));
        return seeds;
    }

    @AfterContainer
    static void removeTempDir() throws IOException {
        System.out.printf("DifferentialFuzzTest: %d cases agreed, %d read by both, %d refused by both alike%n",
                ACCEPTED.get() + REFUSED.get(), ACCEPTED.get(), REFUSED.get());
        try (Stream<Path> files = Files.walk(DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = DifferentialFuzzTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("perfgate-differential");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

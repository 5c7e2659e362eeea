package dev.perfgate.analyzer;

import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Approval;
import dev.perfgate.core.baseline.ApprovalService;
import dev.perfgate.core.baseline.Approver;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Project fixtures built with perf-core from the real JMH results in perf-core's test resources:
 * a history of runs with distinct timestamps (one benchmark steps up by {@link #STEP} from a given
 * run on) and a baseline approved through {@link ApprovalService} from the first run.
 *
 * <p>The JMH files have 3 forks, too few for any significant verdict, so every run widens each
 * benchmark to 9 forks: the real forks and two copies scaled by 0.996 and 1.004.
 */
public final class ProjectFixtures {

    /** The real JMH results the fixtures start from, relative to this module's directory. */
    public static final Path JMH_DIR = Path.of("..", "perf-core", "src", "test", "resources", "jmh");
    public static final PlatformKey PLATFORM = PlatformKey.parse("linux-x86_64");
    public static final Fingerprint FINGERPRINT = new Fingerprint("AMD EPYC", 2, "Debian", "17.0.15", List.of(),
            "Linux", "6.1");
    public static final Instant START = Instant.parse("2026-10-01T08:00:00Z");
    /** The benchmark that regresses in {@link #regressedRun}. */
    public static final BenchmarkId REGRESSING = BenchmarkId.of("dev.perfgate.fixtures.ParamsBenchmark.sum",
            Mode.AVERAGE_TIME, Map.of("size", "100", "variant", "a"));
    /** The factor of the regression. */
    public static final double STEP = 1.4;

    private ProjectFixtures() {
    }

    /** The results of one of perf-core's JMH fixture files, e.g. {@code gc-params-forks.json}. */
    public static List<BenchmarkResult> jmh(String name) {
        try {
            return new JmhJsonReader().read(JMH_DIR.resolve(name));
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Results with 9 forks each: the real forks and copies scaled by 0.996 and 1.004. */
    public static List<BenchmarkResult> widened(List<BenchmarkResult> results) {
        return results.stream().map(r -> new BenchmarkResult(r.id(), widen(r.primary()), widenAll(r.secondary()),
                r.settings())).toList();
    }

    private static Map<String, Measurement> widenAll(Map<String, Measurement> secondary) {
        Map<String, Measurement> out = new LinkedHashMap<>();
        secondary.forEach((k, m) -> out.put(k, widen(m)));
        return out;
    }

    private static Measurement widen(Measurement m) {
        List<List<Double>> forks = new ArrayList<>(m.forks());
        for (double f : new double[] {0.996, 1.004}) {
            m.forks().forEach(fork -> forks.add(fork.stream().map(v -> v * f).toList()));
        }
        return new Measurement(m.unit(), m.score(), m.scoreError(), forks);
    }

    /** The results with the primary metric (score, error, samples) of matching benchmarks times {@code factor}. */
    public static List<BenchmarkResult> scaled(List<BenchmarkResult> results, Predicate<BenchmarkId> which,
                                               double factor) {
        return results.stream().map(r -> which.test(r.id()) ? new BenchmarkResult(r.id(), scale(r.primary(), factor),
                r.secondary(), r.settings()) : r).toList();
    }

    private static Measurement scale(Measurement m, double factor) {
        return new Measurement(m.unit(), m.score() * factor, m.scoreError() * factor, m.forks().stream()
                .map(fork -> fork.stream().map(v -> v * factor).toList()).toList());
    }

    /** A run of the results at {@code START + index hours}, commit {@code c<index>}, without a recorded host. */
    public static Run run(int index, List<BenchmarkResult> results) {
        return run(index, results, null);
    }

    /** A run of the results at {@code START + index hours}, commit {@code c<index>}, on the host given. */
    public static Run run(int index, List<BenchmarkResult> results, HostIdentity host) {
        return new Run(runId(index), START.plus(Duration.ofHours(index)), String.format(Locale.ROOT, "c%039d", index),
                "main", PLATFORM, FINGERPRINT, host, results);
    }

    public static String runId(int index) {
        return String.format(Locale.ROOT, "run-%05d", index);
    }

    /** The widened gc-params-forks results of run {@code index}: a slight wobble, and the step from {@code stepAt}. */
    public static List<BenchmarkResult> resultsOf(int index, int stepAt) {
        List<BenchmarkResult> base = widened(jmh("gc-params-forks.json"));
        double wobble = 1 + 0.004 * Math.sin(index);
        List<BenchmarkResult> wobbled = scaled(base, id -> true, wobble);
        return index >= stepAt ? scaled(wobbled, REGRESSING::equals, STEP) : wobbled;
    }

    /** The latest run of {@link #project}: {@code REGRESSING} is {@link #STEP} times slower than the baseline. */
    public static Run regressedRun(int runs) {
        return run(runs - 1, resultsOf(runs - 1, 0));
    }

    /**
     * A project in {@code dir}: the baseline approved from run 0 (which, with its approval, is the
     * history's first two lines), then runs 1 to {@code runs - 1}, {@code REGRESSING} stepping up
     * from run {@code stepAt}.
     */
    public static Path project(Path dir, int runs, int stepAt) {
        try {
            Run first = run(0, resultsOf(0, stepAt));
            approve(dir, first, first.results(), "first baseline");
            HistoryStore history = new HistoryStore(dir, Clock.system(ZoneOffset.UTC));
            for (int i = 1; i < runs; i++) {
                history.append(PLATFORM, new HistoryRecord.RunRecord(run(i, resultsOf(i, stepAt))));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An AVX2 host class of {@link #PLATFORM}. */
    public static final HostClass AVX2 = new HostClass(PLATFORM, List.of("avx", "avx2", "fma"), 256, 2, 17);
    /** An AVX-512 host class of {@link #PLATFORM}. */
    public static final HostClass AVX512 = new HostClass(PLATFORM, List.of("avx", "avx2", "avx512f", "fma"), 512, 2,
            17);

    /**
     * A history in {@code dir} of a fleet of two host classes: runs 0 to {@code runs - 1} alternate
     * between {@link #AVX2} (even runs) and {@link #AVX512} (odd runs), whose host runs
     * {@code REGRESSING} {@link #STEP} times faster; {@code REGRESSING} steps up from run
     * {@code stepAt} on both. One line through both classes would zigzag by 40%.
     */
    public static Path twoHostClasses(Path dir, int runs, int stepAt) {
        try {
            HistoryStore history = new HistoryStore(dir, Clock.system(ZoneOffset.UTC));
            for (int i = 0; i < runs; i++) {
                HostClass hostClass = i % 2 == 0 ? AVX2 : AVX512;
                List<BenchmarkResult> results = resultsOf(i, stepAt);
                if (hostClass == AVX512) {
                    results = scaled(results, REGRESSING::equals, 1 / STEP);
                }
                history.append(PLATFORM, new HistoryRecord.RunRecord(run(i, results, new HostIdentity(hostClass,
                        "17.0.15+6", Map.of("MaxVectorSize", String.valueOf(hostClass.vectorBits() / 8)), "L2 1 MiB",
                        null))));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A history in {@code dir} of runs 0 to {@code runs - 1} on one {@link #AVX2} host whose JDK was
     * updated at run {@code stepAt} (17.0.15+6 before, 17.0.16+8 from it), the run at which
     * {@code REGRESSING} steps up.
     */
    public static Path jdkUpdatedAt(Path dir, int runs, int stepAt) {
        try {
            HistoryStore history = new HistoryStore(dir, Clock.system(ZoneOffset.UTC));
            for (int i = 0; i < runs; i++) {
                HostIdentity host = new HostIdentity(AVX2, i < stepAt ? "17.0.15+6" : "17.0.16+8", Map.of(),
                        "L2 1 MiB", null);
                history.append(PLATFORM, new HistoryRecord.RunRecord(run(i, resultsOf(i, stepAt), host)));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Approves results of a run through perf-core, as {@code perf-gate approve} does. */
    public static void approve(Path dir, Run run, List<BenchmarkResult> selected, String reason)
            throws IOException, InputException {
        Clock clock = Clock.fixed(run.timestamp().plusSeconds(60), ZoneOffset.UTC);
        new ApprovalService(dir, clock, new Approver(Approver.DEFAULT_MAX_NOISE_PCT)).approve(run, selected,
                new Approval(clock.instant(), "fixture", reason, run.commit(), run.runId()));
    }

    /** A copy of a JMH fixture file in {@code dir}. */
    public static Path copyJmh(String name, Path dir) throws IOException {
        return Files.copy(JMH_DIR.resolve(name), dir.resolve(name));
    }
}

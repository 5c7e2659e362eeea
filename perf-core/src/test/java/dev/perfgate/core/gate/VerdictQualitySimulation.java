package dev.perfgate.core.gate;

import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.stats.GatePolicy;
import dev.perfgate.core.stats.Noise;
import dev.perfgate.core.stats.Verdict;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * The verdict-quality evaluation (docs/verdict-quality.md), without JMH: noise models fitted to
 * the fork means of a real run in a project's history, simulated A/A comparisons and true
 * slowdowns, and how often each rule calls a regression on the same simulated data. Not a unit
 * test; run by hand:
 *
 * <pre>
 * java -cp CLASSPATH dev.perfgate.core.gate.VerdictQualitySimulation [PROJECT_DIR] [PLATFORM] [TRIALS]
 * </pre>
 *
 * It reads the latest run of {@code PROJECT_DIR/history/PLATFORM.jsonl} (default: the current
 * directory, linux-x86_64, 1000 trials per cell) and prints Markdown tables.
 */
public final class VerdictQualitySimulation {

    private static final int FORKS = 20;
    private static final int ITERATIONS = 4;
    private static final double ITERATION_NOISE = 0.005;
    private static final double[] CHANGES = {0, 0.02, 0.05, 0.08, 0.10, 0.20};

    private VerdictQualitySimulation() {
    }

    /** A fork-level noise model: draws a fork's multiplicative factor around 1. */
    private interface Model {
        String name();

        double draw(SplittableRandom random);
    }

    private record Normal(double sd) implements Model {
        public String name() {
            return String.format(Locale.ROOT, "normal, sd %.1f%%", sd * 100);
        }

        public double draw(SplittableRandom random) {
            return Math.max(0.05, 1 + sd * random.nextGaussian());
        }
    }

    private record LogNormal(double sigma) implements Model {
        public String name() {
            return String.format(Locale.ROOT, "log-normal, sigma %.3f", sigma);
        }

        public double draw(SplittableRandom random) {
            return Math.exp(sigma * random.nextGaussian());
        }
    }

    /** "JIT lottery": a fraction {@code p} of forks land {@code shift} higher (in logs). */
    private record Bimodal(double p, double shift, double sigma) implements Model {
        public String name() {
            return String.format(Locale.ROOT, "bimodal, %.0f%% of forks +%.1f%%, sigma %.3f", p * 100,
                    (Math.exp(shift) - 1) * 100, sigma);
        }

        public double draw(SplittableRandom random) {
            return Math.exp(sigma * random.nextGaussian() + (random.nextDouble() < p ? shift : 0));
        }
    }

    /** The rules compared, in the order of the table's rows. */
    private static final String[] RULES = {"perf-gate check", "perf-gate check, calibrated",
        "perf-gate check --confirm, calibrated", "perf-gate ab", "perf-gate ab --confirm", "mean > +5%",
        "ratio > 200%"};

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        PlatformKey platform = PlatformKey.parse(args.length > 1 ? args[1] : "linux-x86_64");
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        List<HistoryRecord> records = new HistoryStore(project, Clock.systemUTC()).readAll(platform);
        Run run = records.stream().filter(r -> r instanceof HistoryRecord.RunRecord)
                .map(r -> ((HistoryRecord.RunRecord) r).run()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalArgumentException("no run in the history of " + platform));
        Map<BenchmarkId, Noise> calibrated = new BaselineStore(project).read(platform).flatMap(BaselineFile::latest).map(Baseline::noise)
                .orElse(Map.of());
        System.out.printf("Noise models fitted to run %s (%s, %d benchmarks); %d forks x %d iterations per side, "
                + "%d trials per cell; run-to-run shift from the baseline's calibrated noise.%n%n", run.runId(),
                run.fingerprint().jdkVersion(), run.results().size(), FORKS, ITERATIONS, trials);
        Gate gate = new Gate(GatePolicy.DEFAULT);
        SplittableRandom random = new SplittableRandom(20261127L);
        System.out.println("| benchmark | noise model | run shift | rule | A/A | 2% | 5% | 8% | 10% | 20% |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (BenchmarkResult result : run.results()) {
            BenchmarkId id = result.id();
            double[] logs = Arrays.stream(result.primary().forkMeans()).map(Math::log).toArray();
            Noise noise = calibrated.get(id);
            double shift = noise == null || Double.isNaN(noise.runLogSd()) ? 0 : noise.runLogSd();
            for (Model model : fit(logs)) {
                int[][] counts = new int[RULES.length][CHANGES.length];
                Map<BenchmarkId, Noise> known = noise == null ? Map.of() : Map.of(id, noise);
                for (int c = 0; c < CHANGES.length; c++) {
                    double factor = 1 + CHANGES[c];
                    for (int t = 0; t < trials; t++) {
                        // A stored baseline and a check are two runs at different times, each shifted as a whole.
                        double baseRun = Math.exp(shift * random.nextGaussian());
                        double headRun = Math.exp(shift * random.nextGaussian());
                        List<List<Double>> base = forks(random, FORKS, () -> baseRun * model.draw(random));
                        List<List<Double>> head = forks(random, FORKS, () -> headRun * factor * model.draw(random));
                        List<BenchmarkResult> b = List.of(SyntheticResults.result(id, "us/op", base));
                        List<BenchmarkResult> h = List.of(SyntheticResults.result(id, "us/op", head));
                        double ratio = mean(head) / mean(base);
                        counts[0][c] += regression(gate.compare(b, h, Map.of()));
                        GateReport first = gate.compare(b, h, Map.of(), known);
                        counts[1][c] += regression(first);
                        counts[2][c] += regression(confirm(gate, first, b, head, known, random,
                                () -> headRun * factor * model.draw(random)));
                        // ab: both sides' forks interleaved in one session share its state, so no relative shift.
                        List<List<Double>> abBase = forks(random, FORKS, () -> model.draw(random));
                        List<List<Double>> abHead = forks(random, FORKS, () -> factor * model.draw(random));
                        GateReport ab = gate.compare(List.of(SyntheticResults.result(id, "us/op", abBase)),
                                List.of(SyntheticResults.result(id, "us/op", abHead)), Map.of());
                        counts[3][c] += regression(ab);
                        counts[4][c] += regression(confirmAb(gate, ab, abBase, abHead, random,
                                () -> model.draw(random), () -> factor * model.draw(random)));
                        counts[5][c] += ratio > 1.05 ? 1 : 0;
                        counts[6][c] += ratio > 2.0 ? 1 : 0;
                    }
                }
                for (int r = 0; r < RULES.length; r++) {
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %.1f%% | %s |",
                            id.displayWithMode().replaceFirst("^dev\\.perfgate\\.kernels\\.", ""),
                            model.name(), shift * 100, RULES[r]));
                    for (int c = 0; c < CHANGES.length; c++) {
                        row.append(String.format(Locale.ROOT, " %.1f%% |", 100.0 * counts[r][c] / trials));
                    }
                    System.out.println(row);
                }
            }
        }
    }

    private static int regression(GateReport report) {
        return report.rows().get(0).decision().verdict() == Verdict.REGRESSION ? 1 : 0;
    }

    /**
     * {@code check --confirm} as the CLI does it for one doubtful benchmark of the three kernels:
     * a regression, or an inconclusive result that more forks can decide, is rerun with the forks
     * needed against the fixed baseline (at least as many as the first run) within what a 10-minute
     * budget leaves after a 6.5-minute first run: 32 forks of 6.5 s. The rerun is in the same
     * session as the first run.
     */
    private static GateReport confirm(Gate gate, GateReport first, List<BenchmarkResult> base,
                                      List<List<Double>> head, Map<BenchmarkId, Noise> known,
                                      SplittableRandom random, DoubleSupplier forkFactor) {
        ComparisonRow row = first.rows().get(0);
        int wanted = row.decision().moreForks();
        if (!row.inDoubt() || wanted < 0 && row.decision().verdict() != Verdict.REGRESSION) {
            return first;
        }
        int more = Math.min(32, Math.max(FORKS, wanted));
        List<List<Double>> all = new ArrayList<>(head);
        all.addAll(forks(random, more, forkFactor));
        return gate.compare(base, List.of(SyntheticResults.result(row.id(), "us/op", all)), Map.of(), known);
    }

    /**
     * {@code ab --confirm} as the CLI does it: a doubtful result gets more interleaved fork pairs,
     * as many as the threshold needs per side beyond the first run's (at least as many again), within
     * what a 30-minute budget leaves after a 14-minute first run when all three kernels are in doubt:
     * 24 pairs of 2 x 6.5 s per kernel.
     */
    private static GateReport confirmAb(Gate gate, GateReport first, List<List<Double>> base,
                                        List<List<Double>> head, SplittableRandom random,
                                        DoubleSupplier baseFork, DoubleSupplier headFork) {
        ComparisonRow row = first.rows().get(0);
        if (!row.inDoubt()) {
            return first;
        }
        int more = Math.min(24, Math.max(FORKS, row.decision().forksNeeded() - FORKS));
        List<List<Double>> allBase = new ArrayList<>(base);
        List<List<Double>> allHead = new ArrayList<>(head);
        allBase.addAll(forks(random, more, baseFork));
        allHead.addAll(forks(random, more, headFork));
        return gate.compare(List.of(SyntheticResults.result(row.id(), "us/op", allBase)),
                List.of(SyntheticResults.result(row.id(), "us/op", allHead)), Map.of());
    }

    private static List<List<Double>> forks(SplittableRandom random, int count, DoubleSupplier forkFactor) {
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            double level = 100 * forkFactor.getAsDouble();
            List<Double> iterations = new ArrayList<>();
            for (int i = 0; i < ITERATIONS; i++) {
                iterations.add(level * (1 + ITERATION_NOISE * random.nextGaussian()));
            }
            forks.add(iterations);
        }
        return forks;
    }

    private static double mean(List<List<Double>> forks) {
        return forks.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /**
     * The three models fitted to log fork means: normal and log-normal by their spread, bimodal by
     * two-means clustering (the upper cluster's share and distance, the pooled spread within).
     */
    private static List<Model> fit(double[] logs) {
        double mean = Arrays.stream(logs).average().orElse(0);
        double sigma = Math.sqrt(Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (logs.length - 1));
        double[] means = Arrays.stream(logs).map(Math::exp).toArray();
        double m = Arrays.stream(means).average().orElse(1);
        double sd = Math.sqrt(Arrays.stream(means).map(x -> (x - m) * (x - m)).sum() / (means.length - 1)) / m;
        double[] sorted = logs.clone();
        Arrays.sort(sorted);
        double bestCost = Double.POSITIVE_INFINITY;
        Bimodal best = new Bimodal(0, 0, sigma);
        for (int split = 1; split < sorted.length; split++) {
            double lowMean = Arrays.stream(sorted, 0, split).average().orElse(0);
            double highMean = Arrays.stream(sorted, split, sorted.length).average().orElse(0);
            double cost = 0;
            for (int i = 0; i < sorted.length; i++) {
                double c = i < split ? lowMean : highMean;
                cost += (sorted[i] - c) * (sorted[i] - c);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = new Bimodal((sorted.length - split) / (double) sorted.length, highMean - lowMean,
                        Math.sqrt(cost / Math.max(1, sorted.length - 2)));
            }
        }
        return List.of(new Normal(sd), new LogNormal(sigma), best);
    }
}

package dev.perfgate.core.history;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.Units;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Collects the records of a history, in file order, into series: the one definition of a trend,
 * which {@code perf-gate history}, the HTML page and the analyzer all show.
 *
 * <ul>
 *   <li>A benchmark has one series per host class its runs were recorded on (runs recorded without
 *       a host class make one series of their own): no line joins two kinds of host.</li>
 *   <li>A run id already read is the same run recorded again (copied by {@code record
 *       --from-history}, or merged from another branch): its first line counts, later ones are
 *       skipped.</li>
 *   <li>Points are ordered by the run's time, runs of equal time in file order: a run appended
 *       late (copied from another history) takes its place in time.</li>
 *   <li>A score that is not finite is left out. A series' unit is that of its first score in the
 *       file; scores in other units are converted, and one that cannot be converted is left out.</li>
 *   <li>With a limit of N runs, a series keeps its N latest points by that order.</li>
 * </ul>
 */
final class SeriesBuilder {

    private final Predicate<BenchmarkId> filter;
    /** The filter's answer per benchmark: a history names the same few benchmarks on every line. */
    private final Map<BenchmarkId, Boolean> kept = new HashMap<>();
    private final int lastRuns;
    /** The runs in file order; kept only without a limit (an index lists them all). */
    private final List<RunInfo> runs = new ArrayList<>();
    private final Set<String> runIds = new HashSet<>();
    private int runCount;
    private final Map<Key, Accumulator> series = new HashMap<>();
    private final List<HistoryRecord.ApprovalRecord> approvals = new ArrayList<>();

    private record Key(BenchmarkId id, HostClass hostClass) {
    }

    /** A builder of every benchmark's whole series, keeping every run. */
    SeriesBuilder() {
        this(id -> true, 0);
    }

    /**
     * @param filter   which benchmarks to keep
     * @param lastRuns keep the latest this many points per series; 0 for all (and then every run is
     *                 listed in the index)
     */
    SeriesBuilder(Predicate<BenchmarkId> filter, int lastRuns) {
        this.filter = filter;
        this.lastRuns = lastRuns;
    }

    /** A builder that goes on from an index read earlier (the lines after it are added). */
    SeriesBuilder(HistoryIndex seed) {
        this();
        runs.addAll(seed.runs());
        seed.runs().forEach(r -> runIds.add(r.runId()));
        runCount = runs.size();
        approvals.addAll(seed.approvals());
        for (List<TrendSeries> list : seed.series().values()) {
            for (TrendSeries s : list) {
                Accumulator acc = new Accumulator(s.unit(), 0);
                for (int i = 0; i < s.size(); i++) {
                    acc.add(s.run(i), s.score(i), s.error(i));
                }
                series.put(new Key(s.id(), s.hostClass()), acc);
            }
        }
    }

    /** Adds the record of a line. */
    void add(long lineNo, long offset, int length, HistoryRecord record) {
        if (record instanceof HistoryRecord.ApprovalRecord approval) {
            approvals.add(approval);
            return;
        }
        Run run = ((HistoryRecord.RunRecord) record).run();
        if (!runIds.add(run.runId())) {
            return;
        }
        RunInfo info = new RunInfo(runCount++, run.runId(), run.timestamp(), run.commit(), run.branch(), lineNo,
                offset, length);
        if (lastRuns == 0) {
            runs.add(info);
        }
        HostClass host = run.host() == null ? null : run.host().hostClass();
        for (BenchmarkResult result : run.results()) {
            if (!kept.computeIfAbsent(result.id(), filter::test)) {
                continue;
            }
            Measurement m = result.primary();
            if (!Double.isFinite(m.score())) {
                continue;
            }
            Accumulator acc = series.computeIfAbsent(new Key(result.id(), host),
                    k -> new Accumulator(m.unit(), lastRuns));
            acc.add(info, m.unit(), m.score(), m.scoreError());
        }
    }

    /** The index of what was added. */
    HistoryIndex build(Path file, boolean torn) {
        TreeMap<BenchmarkId, List<TrendSeries>> out = new TreeMap<>();
        series.forEach((key, acc) -> {
            if (acc.size > 0) {
                out.computeIfAbsent(key.id(), id -> new ArrayList<>()).add(acc.toSeries(key));
            }
        });
        // The class whose first run is oldest first; ties (not in one history) by label.
        out.values().forEach(list -> list.sort(Comparator.comparingLong((TrendSeries s) -> s.time(0))
                .thenComparing(TrendSeries::hostLabel)));
        return new HistoryIndex(file, runs, out, approvals, torn);
    }

    /** Orders points by their run's time, then by line. */
    private static final Comparator<RunInfo> ORDER = Comparator.comparing(RunInfo::timestamp)
            .thenComparingLong(RunInfo::lineNo);

    /** A growing series. */
    private static final class Accumulator {
        private final String unit;
        private final int limit;
        private RunInfo[] runs = new RunInfo[16];
        private double[] scores = new double[16];
        private double[] errors = new double[16];
        private int size;

        Accumulator(String unit, int limit) {
            this.unit = unit;
            this.limit = limit;
        }

        void add(RunInfo run, String pointUnit, double score, double error) {
            double factor = 1;
            if (!unit.equals(pointUnit)) {
                Optional<Double> f = Units.factor(pointUnit, unit);
                if (f.isEmpty()) {
                    return;
                }
                factor = f.get();
            }
            add(run, score * factor, error * factor);
        }

        void add(RunInfo run, double score, double error) {
            if (!Double.isFinite(score)) {
                return;
            }
            if (size == runs.length) {
                if (limit > 0 && size >= 2 * limit) {
                    keepLatest(limit);
                } else {
                    int capacity = size * 2;
                    runs = Arrays.copyOf(runs, capacity);
                    scores = Arrays.copyOf(scores, capacity);
                    errors = Arrays.copyOf(errors, capacity);
                }
            }
            runs[size] = run;
            scores[size] = score;
            errors[size] = error;
            size++;
        }

        /** Sorts the points and keeps the latest {@code n}. */
        private void keepLatest(int n) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> ORDER.compare(runs[a], runs[b]));
            int from = Math.max(0, size - n);
            RunInfo[] r = new RunInfo[runs.length];
            double[] s = new double[runs.length];
            double[] e = new double[runs.length];
            for (int i = from; i < size; i++) {
                r[i - from] = runs[order[i]];
                s[i - from] = scores[order[i]];
                e[i - from] = errors[order[i]];
            }
            runs = r;
            scores = s;
            errors = e;
            size -= from;
        }

        TrendSeries toSeries(Key key) {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = ORDER.compare(runs[i - 1], runs[i]) <= 0;
            }
            if (!sorted || limit > 0 && size > limit) {
                keepLatest(limit > 0 ? limit : size);
            }
            long[] times = new long[size];
            for (int i = 0; i < size; i++) {
                times[i] = runs[i].timestamp().toEpochMilli();
            }
            return new TrendSeries(key.id(), key.hostClass(), unit, times, Arrays.copyOf(scores, size),
                    Arrays.copyOf(errors, size), Arrays.copyOf(runs, size));
        }
    }
}

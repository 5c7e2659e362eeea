package dev.perfgate.analyzer.history;

import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.HostClass;
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

/** Collects the records of a history file into a {@link HistoryIndex}. */
final class SeriesBuilder {

    private final List<RunInfo> runs = new ArrayList<>();
    private final Set<String> runIds = new HashSet<>();
    /** The accumulators of each host class (null: runs recorded without one), by benchmark key. */
    private final Map<HostClass, Map<String, Accumulator>> byClass = new HashMap<>();
    private final List<HistoryRecord.ApprovalRecord> approvals = new ArrayList<>();

    SeriesBuilder() {
    }

    /** A builder that starts from an index read earlier (the lines after it are added). */
    SeriesBuilder(HistoryIndex seed) {
        runs.addAll(seed.runs());
        seed.runs().forEach(r -> runIds.add(r.runId()));
        approvals.addAll(seed.approvals());
        for (List<TrendSeries> list : seed.series().values()) {
            for (TrendSeries s : list) {
                Accumulator acc = new Accumulator(s.id(), s.hostClass(), s.unit());
                for (int i = 0; i < s.size(); i++) {
                    acc.add(s.time(i), s.unit(), s.score(i), s.error(i), s.run(i));
                }
                byClass.computeIfAbsent(s.hostClass(), c -> new HashMap<>()).put(keyOf(s.id()), acc);
            }
        }
    }

    /** A benchmark's identity as the key {@link LineParser} makes of it. */
    static String keyOf(BenchmarkId id) {
        StringBuilder key = new StringBuilder(id.name()).append('\u0001').append(id.mode().label()).append('\u0001');
        id.params().forEach((k, v) -> key.append(k).append('=').append(v).append('\u0001'));
        return key.toString();
    }

    /** Adds a record the fast path read. */
    void add(LineParser.Parsed record, long lineNo, long offset, int length) {
        if (!record.run()) {
            approvals.add(new HistoryRecord.ApprovalRecord(record.timestamp(), record.approver(), record.reason(),
                    record.commit(), record.runId(), record.entries().stream()
                    .map(e -> BenchmarkId.of(e.name(), e.mode(), paramsMap(e.params()))).toList()));
            return;
        }
        if (!runIds.add(record.runId())) {
            return;
        }
        int index = runs.size();
        runs.add(new RunInfo(index, record.runId(), record.timestamp(), record.commit(), record.branch(), lineNo,
                offset, length));
        long time = record.timestamp().toEpochMilli();
        HostClass host = record.host();
        Map<String, Accumulator> byKey = byClass.computeIfAbsent(host, c -> new HashMap<>());
        for (LineParser.Entry e : record.entries()) {
            Accumulator acc = byKey.computeIfAbsent(e.key(),
                    k -> new Accumulator(BenchmarkId.of(e.name(), e.mode(), paramsMap(e.params())), host, e.unit()));
            acc.add(time, e.unit(), e.score(), e.error(), index);
        }
    }

    /** Adds a record perf-core's codec read (a line the fast path handed over). */
    void add(HistoryRecord record, long lineNo, long offset, int length) {
        if (record instanceof HistoryRecord.ApprovalRecord a) {
            approvals.add(a);
            return;
        }
        Run run = ((HistoryRecord.RunRecord) record).run();
        List<LineParser.Entry> entries = new ArrayList<>();
        for (BenchmarkResult r : run.results()) {
            BenchmarkId id = r.id();
            String key = keyOf(id);
            String[] params = id.params().entrySet().stream()
                    .flatMap(p -> java.util.stream.Stream.of(p.getKey(), p.getValue())).toArray(String[]::new);
            entries.add(new LineParser.Entry(key, id.name(), id.mode(), params,
                    r.primary().unit(), r.primary().score(), r.primary().scoreError()));
        }
        add(new LineParser.Parsed(true, run.runId(), run.timestamp(), run.commit(), run.branch(),
                run.host() == null ? null : run.host().hostClass(), "", "", entries), lineNo, offset, length);
    }

    private static Map<String, String> paramsMap(String[] pairs) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    HistoryIndex build(Path file, boolean torn) {
        TreeMap<BenchmarkId, List<TrendSeries>> series = new TreeMap<>();
        for (Map<String, Accumulator> byKey : byClass.values()) {
            for (Accumulator acc : byKey.values()) {
                if (acc.size > 0) {
                    series.computeIfAbsent(acc.id, id -> new ArrayList<>()).add(acc.toSeries());
                }
            }
        }
        // The class whose first run is oldest first; ties (never in one history) by label.
        series.values().forEach(list -> list.sort(Comparator.comparingLong((TrendSeries s) -> s.time(0))
                .thenComparing(TrendSeries::hostLabel)));
        return new HistoryIndex(file, runs, series, approvals, torn);
    }

    /** A growing series of one benchmark. */
    private static final class Accumulator {
        private final BenchmarkId id;
        private final HostClass hostClass;
        private final String unit;
        private long[] times = new long[16];
        private double[] scores = new double[16];
        private double[] errors = new double[16];
        private int[] runs = new int[16];
        private int size;

        Accumulator(BenchmarkId id, HostClass hostClass, String unit) {
            this.id = id;
            this.hostClass = hostClass;
            this.unit = unit;
        }

        void add(long time, String pointUnit, double score, double error, int run) {
            double factor = 1;
            if (!unit.equals(pointUnit)) {
                Optional<Double> f = Units.factor(pointUnit, unit);
                if (f.isEmpty()) {
                    return;
                }
                factor = f.get();
            }
            double value = score * factor;
            if (!Double.isFinite(value)) {
                return;
            }
            if (size == times.length) {
                int capacity = size * 2;
                times = Arrays.copyOf(times, capacity);
                scores = Arrays.copyOf(scores, capacity);
                errors = Arrays.copyOf(errors, capacity);
                runs = Arrays.copyOf(runs, capacity);
            }
            times[size] = time;
            scores[size] = value;
            errors[size] = error * factor;
            runs[size] = run;
            size++;
        }

        /** The series, points ordered by time (stable, so runs of equal time keep file order). */
        TrendSeries toSeries() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = times[i - 1] <= times[i];
            }
            if (sorted) {
                return new TrendSeries(id, hostClass, unit, Arrays.copyOf(times, size), Arrays.copyOf(scores, size),
                        Arrays.copyOf(errors, size), Arrays.copyOf(runs, size));
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
            long[] t = new long[size];
            double[] s = new double[size];
            double[] e = new double[size];
            int[] r = new int[size];
            for (int i = 0; i < size; i++) {
                t[i] = times[order[i]];
                s[i] = scores[order[i]];
                e[i] = errors[order[i]];
                r[i] = runs[order[i]];
            }
            return new TrendSeries(id, hostClass, unit, t, s, e, r);
        }
    }
}

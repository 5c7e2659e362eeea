package dev.perfgate.core.history;

import dev.perfgate.core.InputException;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Units;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads a history file once, streaming, and builds the {@link Trend} of every benchmark that
 * matches a filter, one per host class it ran on, with change points from {@link ChangePoints}.
 */
public final class Trends {

    private final HistoryStore store;
    private final ChangePoints detector;

    public Trends(HistoryStore store, ChangePoints detector) {
        this.store = store;
        this.detector = detector;
    }

    /**
     * What a read found.
     *
     * @param trends       one per benchmark, sorted by identity
     * @param tornLastLine whether the file ended in a torn (partly written) line, which was skipped
     */
    public record Result(List<Trend> trends, boolean tornLastLine) {
        public Result {
            trends = List.copyOf(trends);
        }
    }

    /**
     * The trends of a history file.
     *
     * @param file     the history file
     * @param filter   which benchmarks to keep
     * @param lastRuns keep only the most recent this many points per benchmark and host class; 0 for all
     */
    public Result read(Path file, Predicate<BenchmarkId> filter, int lastRuns) throws InputException {
        Map<Series, ArrayDeque<Trend.Point>> points = new TreeMap<>();
        Map<BenchmarkId, String> units = new TreeMap<>();
        HistoryStore.ReadSummary summary = store.stream(file, (lineNo, record) -> {
            if (record instanceof HistoryRecord.RunRecord r) {
                for (BenchmarkResult result : r.run().results()) {
                    if (!filter.test(result.id())) {
                        continue;
                    }
                    String unit = units.computeIfAbsent(result.id(), k -> result.primary().unit());
                    Measurement m = Units.convert(result.primary(), unit).orElse(null);
                    if (m == null || !Double.isFinite(m.score())) {
                        continue;
                    }
                    HostIdentity host = r.run().host();
                    ArrayDeque<Trend.Point> kept = points.computeIfAbsent(
                            new Series(result.id(), host == null ? null : host.hostClass()), k -> new ArrayDeque<>());
                    kept.addLast(new Trend.Point(r.run().runId(), r.run().timestamp(), r.run().commit(), m.score(),
                            m.scoreError(), host));
                    if (lastRuns > 0 && kept.size() > lastRuns) {
                        kept.removeFirst(); // memory stays bounded by benchmarks x lastRuns, however long the file
                    }
                }
            }
        }, true);
        List<Trend> trends = new ArrayList<>();
        points.forEach((series, deque) -> {
            List<Trend.Point> kept = List.copyOf(deque);
            double[] scores = kept.stream().mapToDouble(Trend.Point::score).toArray();
            trends.add(new Trend(series.id(), series.hostClass(), units.get(series.id()), kept,
                    detector.detect(scores)));
        });
        return new Result(trends, summary.tornLastLine());
    }

    /** One benchmark on one host class (null: runs without one), ordered by benchmark, then class label. */
    private record Series(BenchmarkId id, HostClass hostClass) implements Comparable<Series> {
        @Override
        public int compareTo(Series o) {
            int byId = id.compareTo(o.id);
            return byId != 0 ? byId : label().compareTo(o.label());
        }

        private String label() {
            return hostClass == null ? "" : "1" + hostClass.label() + hostClass.isa();
        }
    }
}

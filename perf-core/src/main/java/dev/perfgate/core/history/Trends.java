package dev.perfgate.core.history;

import dev.perfgate.core.InputException;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.HostIdentity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@link Trend}s of a history file: its series ({@link SeriesBuilder}'s rules), each with the
 * change points {@link ChangePoints} finds and, at each, whether the environment changed there.
 * {@code perf-gate history}, its HTML page and the analyzer all build trends here.
 */
public final class Trends {

    private final HistoryReader reader;
    private final ChangePoints detector;

    public Trends(HistoryReader reader, ChangePoints detector) {
        this.reader = reader;
        this.detector = detector;
    }

    public Trends(HistoryStore store, ChangePoints detector) {
        this(store.reader(), detector);
    }

    /**
     * What a read found.
     *
     * @param trends       one per benchmark and host class, sorted by benchmark, then by the class
     *                     whose first run is oldest
     * @param tornLastLine whether the file ended in a torn (partly written) line, which was skipped
     */
    public record Result(List<Trend> trends, boolean tornLastLine) {
        public Result {
            trends = List.copyOf(trends);
        }
    }

    /**
     * The trends of a history file, read in one pass with memory bounded by the benchmarks kept
     * times {@code lastRuns} (and the run ids, to skip runs recorded twice).
     *
     * @param file     the history file
     * @param filter   which benchmarks to keep
     * @param lastRuns keep only the latest this many points per benchmark and host class; 0 for all
     */
    public Result read(Path file, Predicate<BenchmarkId> filter, int lastRuns) throws InputException {
        SeriesBuilder builder = new SeriesBuilder(filter, lastRuns);
        HistoryReader.Summary summary = reader.read(file, HistoryReader.Detail.SUMMARY, builder::add);
        HistoryIndex index = builder.build(file, summary.tornLastLine());
        List<Trend> trends = new ArrayList<>();
        for (List<TrendSeries> list : index.series().values()) {
            for (TrendSeries s : list) {
                trends.add(trend(file, s));
            }
        }
        return new Result(trends, summary.tornLastLine());
    }

    /**
     * A series as a trend: its change points, each labelled when the JDK build or the host's speed
     * probe changed between the run before it and the run at it (both runs' lines are read again
     * for their hosts; a line that no longer holds its run, the file having changed, leaves the
     * label out and keeps the change point).
     */
    public Trend trend(Path file, TrendSeries s) {
        Trend plain = s.toTrend(detector);
        Map<Integer, String> environment = new HashMap<>();
        if (s.hostClass() != null) {
            for (ChangePoints.ChangePoint cp : plain.changePoints()) {
                if (cp.index() < 1 || cp.index() >= s.size()) {
                    continue;
                }
                try {
                    HostIdentity before = reader.readRun(file, s.run(cp.index() - 1)).host();
                    HostIdentity after = reader.readRun(file, s.run(cp.index())).host();
                    HostIdentity.environmentChange(before, after).ifPresent(e -> environment.put(cp.index(), e));
                } catch (InputException e) {
                    // The file changed since it was read: no label, the change point stays.
                }
            }
        }
        return new Trend(plain.id(), plain.hostClass(), plain.unit(), plain.points(), plain.changePoints(),
                environment);
    }
}

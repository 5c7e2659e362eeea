package dev.perfgate.core.history;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.HostClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One benchmark's primary score over the runs of a history on one host class, held in primitive arrays so that a
 * history of 10,000 runs of 50 benchmarks stays small: time (epoch milliseconds), score, JMH's
 * error half-width (NaN when unknown) and the run. Points are ordered by time, oldest first
 * (runs of equal time in file order; see {@link SeriesBuilder} for the rules); the arrays are never
 * exposed, so instances are immutable.
 */
public final class TrendSeries {

    private final BenchmarkId id;
    private final HostClass hostClass;
    private final String unit;
    private final long[] times;
    private final double[] scores;
    private final double[] errors;
    private final RunInfo[] runs;

    /**
     * @param id        the benchmark
     * @param hostClass the host class of every point's run; null for runs recorded without one
     * @param unit   unit of every score (scores in other units were converted)
     * @param times  epoch milliseconds per point
     * @param scores score per point, finite
     * @param errors error half-width per point, NaN when unknown
     * @param runs   run per point
     */
    public TrendSeries(BenchmarkId id, HostClass hostClass, String unit, long[] times, double[] scores,
                       double[] errors, RunInfo[] runs) {
        this.id = Objects.requireNonNull(id, "id");
        this.hostClass = hostClass;
        this.unit = Objects.requireNonNull(unit, "unit");
        int n = times.length;
        if (scores.length != n || errors.length != n || runs.length != n) {
            throw new IllegalArgumentException("times, scores, errors and runs must have the same length but had "
                    + n + ", " + scores.length + ", " + errors.length + ", " + runs.length);
        }
        this.times = times.clone();
        this.scores = scores.clone();
        this.errors = errors.clone();
        this.runs = runs.clone();
    }

    public BenchmarkId id() {
        return id;
    }

    /** The host class of the runs, or null for runs recorded without one. */
    public HostClass hostClass() {
        return hostClass;
    }

    /** The host class for labels: its description, or "unknown host" for runs recorded without one. */
    public String hostLabel() {
        return hostClass == null ? "unknown host" : hostClass.label();
    }

    public String unit() {
        return unit;
    }

    /** Number of points. */
    public int size() {
        return times.length;
    }

    /** Epoch milliseconds of point {@code i}. */
    public long time(int i) {
        return times[i];
    }

    public double score(int i) {
        return scores[i];
    }

    /** Error half-width of point {@code i}; NaN when unknown. */
    public double error(int i) {
        return errors[i];
    }

    /** Point {@code i}'s run. */
    public RunInfo run(int i) {
        return runs[i];
    }

    /** A copy of the scores, oldest first. */
    public double[] scores() {
        return scores.clone();
    }

    /** The index of the first point at or after {@code epochMillis} ({@link #size()} when none). */
    public int firstAtOrAfter(long epochMillis) {
        int i = Arrays.binarySearch(times, epochMillis);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && times[i - 1] == epochMillis) {
            i--;
        }
        return i;
    }

    /**
     * This series as a {@link Trend}, with the change points {@code detector} finds in its scores
     * and no environment labels (see {@link Trends#trend} for those).
     */
    public Trend toTrend(ChangePoints detector) {
        List<Trend.Point> points = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            RunInfo run = runs[i];
            points.add(new Trend.Point(run.runId(), run.timestamp(), run.commit(), scores[i], errors[i]));
        }
        return new Trend(id, hostClass, unit, points, detector.detect(scores));
    }
}

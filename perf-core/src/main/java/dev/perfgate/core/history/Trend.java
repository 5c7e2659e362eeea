package dev.perfgate.core.history;

import dev.perfgate.core.model.BenchmarkId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One benchmark's primary score over the runs of a history, with its change points.
 *
 * @param id           the benchmark
 * @param unit         unit of the scores (of the latest run; runs in another unit are converted)
 * @param points       one point per run that measured the benchmark, oldest first
 * @param changePoints detected level shifts, by index into {@code points}
 */
public record Trend(BenchmarkId id, String unit, List<Point> points, List<ChangePoints.ChangePoint> changePoints) {

    /**
     * One run's value.
     *
     * @param runId     the run
     * @param timestamp when it ran
     * @param commit    its commit, may be empty
     * @param score     JMH's score
     * @param error     JMH's error half-width, NaN when unknown
     */
    public record Point(String runId, Instant timestamp, String commit, double score, double error) {
    }

    public Trend {
        Objects.requireNonNull(id, "id");
        points = List.copyOf(points);
        changePoints = List.copyOf(changePoints);
    }

    /** The latest point. */
    public Point latest() {
        return points.get(points.size() - 1);
    }
}

package dev.perfgate.core.history;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark's primary score over the runs of a history on one host class, with its change
 * points. Runs on another host class make another trend: no trend line joins two kinds of host.
 * How the points are chosen and ordered is {@link SeriesBuilder}'s rule, the same for every reader.
 *
 * @param id           the benchmark
 * @param hostClass    the host class of every point; null for runs recorded without one
 * @param unit         unit of the scores (of the benchmark's first finite score in the file on that
 *                     class; runs in another unit are converted)
 * @param points       one point per run that measured the benchmark, oldest first
 * @param changePoints detected level shifts, by index into {@code points}
 * @param environment  for a change point's index, what changed in the environment between the run
 *                     before it and the run at it ({@link HostIdentity#environmentChange}); absent
 *                     when nothing did
 */
public record Trend(BenchmarkId id, HostClass hostClass, String unit, List<Point> points,
                    List<ChangePoints.ChangePoint> changePoints, Map<Integer, String> environment) {

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
        environment = Map.copyOf(environment);
    }

    /** A trend without environment labels. */
    public Trend(BenchmarkId id, HostClass hostClass, String unit, List<Point> points,
                 List<ChangePoints.ChangePoint> changePoints) {
        this(id, hostClass, unit, points, changePoints, Map.of());
    }

    /** A trend of runs without a host class. */
    public Trend(BenchmarkId id, String unit, List<Point> points, List<ChangePoints.ChangePoint> changePoints) {
        this(id, null, unit, points, changePoints);
    }

    /** The latest point. */
    public Point latest() {
        return points.get(points.size() - 1);
    }

    /**
     * What changed in the environment between the run before a change point and the run at it. Such
     * a shift may be the environment's, not the code's.
     */
    public Optional<String> environmentChange(ChangePoints.ChangePoint cp) {
        return Optional.ofNullable(environment.get(cp.index()));
    }
}

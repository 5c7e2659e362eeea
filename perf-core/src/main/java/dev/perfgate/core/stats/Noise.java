package dev.perfgate.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A benchmark's calibrated noise, measured by {@code perf-gate calibrate} from repeated runs of
 * unchanged code (A/A) and stored with its baseline entry. Both figures are standard deviations of
 * natural logarithms, so 0.04 is about 4% and they do not depend on the unit.
 *
 * @param forkLogSd    fork-to-fork noise: standard deviation of ln(fork mean) within a run,
 *                     pooled over the runs
 * @param runLogSd     run-to-run shift: standard deviation of a run's mean ln(fork mean) beyond
 *                     what the fork noise explains (drift between runs: another day, another
 *                     machine of the same type); 0 when none is seen, NaN with fewer than two runs
 * @param runs         number of runs measured
 * @param forks        number of forks measured, over all runs
 * @param calibratedAt when
 * @param components   the noise split into iteration and fork levels ({@link VarianceComponents}),
 *                     from which {@link RunPlanner} plans runs; null when not measured (calibrated
 *                     before perf-gate measured them, or from forks of one iteration)
 */
public record Noise(double forkLogSd, double runLogSd, int runs, int forks, Instant calibratedAt,
                    VarianceComponents components) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** Noise without variance components. */
    public Noise(double forkLogSd, double runLogSd, int runs, int forks, Instant calibratedAt) {
        this(forkLogSd, runLogSd, runs, forks, calibratedAt, null);
    }

    public Noise {
        Objects.requireNonNull(calibratedAt, "calibratedAt");
        if (!(forkLogSd >= 0) || Double.isInfinite(forkLogSd)) {
            throw new IllegalArgumentException("fork noise must be finite and >= 0 but was " + forkLogSd);
        }
        if (runLogSd < 0 || Double.isInfinite(runLogSd)) {
            throw new IllegalArgumentException("run-to-run shift must be finite and >= 0 (or unknown) but was "
                    + runLogSd);
        }
        if (runs < 1 || forks < 2) {
            throw new IllegalArgumentException("noise needs at least 1 run and 2 forks but had " + runs + " and "
                    + forks);
        }
    }

    /** This noise with its variance components. */
    public Noise withComponents(VarianceComponents model) {
        return new Noise(forkLogSd, runLogSd, runs, forks, calibratedAt, model);
    }

    /**
     * Estimates the noise from the fork means of each run (one array per run, positive values).
     *
     * @throws IllegalArgumentException when no run has two forks, or a fork mean is not positive
     */
    public static Noise of(List<double[]> runs, Instant calibratedAt) {
        Variance variance = new Variance(true);
        double within = 0;
        int dof = 0;
        int forks = 0;
        double[] runMeans = new double[runs.size()];
        double inverseForks = 0;
        for (int r = 0; r < runs.size(); r++) {
            if (runs.get(r).length == 0) {
                throw new IllegalArgumentException("run " + (r + 1) + " has no forks");
            }
            double[] logs = ForkEvidence.logs(runs.get(r));
            forks += logs.length;
            runMeans[r] = mean(logs);
            inverseForks += 1.0 / logs.length;
            if (logs.length > 1) {
                within += variance.evaluate(logs) * (logs.length - 1);
                dof += logs.length - 1;
            }
        }
        if (dof == 0) {
            throw new IllegalArgumentException("no run has two forks: the fork-to-fork noise is unknown");
        }
        double forkVariance = within / dof;
        double runLogSd = Double.NaN;
        if (runs.size() > 1) {
            // The spread of run means has a fork-noise part, forkVariance / n per run; the rest is drift.
            double expected = forkVariance * inverseForks / runs.size();
            runLogSd = Math.sqrt(Math.max(0, variance.evaluate(runMeans) - expected));
        }
        return new Noise(Math.sqrt(forkVariance), runLogSd, runs.size(), forks, calibratedAt);
    }

    /**
     * Two-sided p-value of a log shift between a run of {@code m} forks and one of {@code n} forks
     * measured at different times, when each run as a whole moves by the run-to-run shift: a z test
     * with variance {@code forkLogSd^2 (1/m + 1/n) + 2 runLogSd^2}. 0 when no run-to-run shift is
     * known (the fork-level test alone then decides).
     */
    public double driftP(double logShift, int m, int n) {
        if (!(runLogSd > 0) || m < 1 || n < 1) {
            return 0;
        }
        double se = Math.sqrt(forkLogSd * forkLogSd * (1.0 / m + 1.0 / n) + 2 * runLogSd * runLogSd);
        return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(logShift) / se);
    }

    /**
     * The drift floor: the smallest change a comparison of two runs made at different times detects
     * with the given power however many forks they have, {@code exp((z(1-alpha/2) + z(power)) sqrt(2) r) - 1}.
     * 0 without a run-to-run shift, NaN when it is unknown.
     */
    public double driftFloor(double alpha, double power) {
        return Math.expm1(ForkEvidence.zSum(alpha, power) * Math.sqrt(2) * runLogSd);
    }

    /** Smallest relative change m against n forks detect at this noise (see {@link ForkEvidence}). */
    public double minDetectableChange(int m, int n, double alpha, double power) {
        return ForkEvidence.minDetectableChange(forkLogSd, m, n, alpha, power);
    }

    /** Forks per side needed to detect a relative change {@code effect} at this noise. */
    public int forksNeeded(double effect, double alpha, double power) {
        return ForkEvidence.forksNeeded(forkLogSd, effect, alpha, power);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}

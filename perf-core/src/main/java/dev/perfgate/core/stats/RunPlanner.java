package dev.perfgate.core.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Chooses a benchmark's {@link RunPlan}: the forks, warm-up and measurement iterations and
 * iteration time that decide its threshold at the gate's alpha and power in the least runner time,
 * after Kalibera and Jones ("Rigorous Benchmarking in Reasonable Time", ISMM 2013), who derive the
 * repetition counts at each level of a benchmark's noise from the levels' variances and costs.
 *
 * <p>Per side, a plan of {@code f} forks of {@code w} warm-up and {@code n} measurement iterations of
 * time {@code T} costs {@code f * (forkCost + (w + n) T)}. A fork mean of {@code n} iterations has
 * the variance {@link VarianceComponents#forkMeanVariance}, and the forks needed follow from the
 * gate's own rank-test formula, {@link ForkEvidence#forksNeeded} (at least the fewest forks with
 * which the rank test can be significant at all). The planner tries every {@code n} from 1 to
 * {@value #MAX_ITERATIONS} and keeps the cheapest plan within {@code maxForks} forks.
 *
 * <p><b>Iteration time.</b> The model knows iterations of the calibration's length only. A longer
 * iteration of {@code m} times that length is, within the model, a block of {@code m} consecutive
 * calibration iterations, so its variance follows exactly (the mean of {@code m n} iterations); the
 * planner tries 1, 2 and 4 times the calibration's time, which differ only when more than
 * {@value #MAX_ITERATIONS} iterations pay, and prefers the calibration's own on a tie. A shorter
 * iteration it cannot judge: how much a half iteration varies depends on how the noise is correlated
 * within an iteration, which iterations of the calibration's length do not show. Shorter iterations
 * are therefore never planned.
 *
 * <p><b>Warm-up.</b> JMH's JSON holds measurement iterations only, so the data cannot show that a
 * benchmark settles sooner than the calibration's warm-up: a plan never warms up for less time
 * than the calibration did. When the calibration's first measured iterations were still far off the
 * rest ({@link RunPlans#unsettledIterations}), those iterations are warm-up: the plan adds them to the
 * warm-up, and the model is to be fitted without them. Warm-up is kept in time, not in iterations:
 * at twice the iteration time, half as many (rounded up).
 *
 * <p>When no plan within {@code maxForks} decides the threshold (the fork component alone is too
 * large), the planner returns the plan at the cap that detects the smallest change it can, within
 * {@value #NEAR_BEST} times the best the cap allows, at the least time; its {@link RunPlan#detects}
 * then exceeds the threshold, which {@link RunPlan#decides} says.
 */
public final class RunPlanner {

    /** Most measurement iterations per fork the planner tries. */
    public static final int MAX_ITERATIONS = 30;
    /** Iteration times the planner tries, as multiples of the calibration's. */
    static final int[] TIME_MULTIPLES = {1, 2, 4};
    /** With the threshold out of reach, how close to the cap's best detectable change a cheaper plan may come. */
    static final double NEAR_BEST = 1.05;
    /** Default cap of forks per side. */
    public static final int DEFAULT_MAX_FORKS = 60;
    /** Default wall time of a fork beyond its iterations, measured on the 2-core development machine. */
    public static final double DEFAULT_FORK_COST_SECONDS = 0.5;


    private final double alpha;
    private final double power;
    private final int maxForks;

    /**
     * @param alpha    two-sided significance level of the gate's rank test, in (0, 0.5)
     * @param power    power to detect the threshold, in (0, 1)
     * @param maxForks most forks per side a plan may have, >= the fewest a rank test needs
     */
    public RunPlanner(double alpha, double power, int maxForks) {
        if (!(alpha > 0 && alpha < 0.5) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5) and power in (0, 1) but were " + alpha
                    + " and " + power);
        }
        this.alpha = alpha;
        this.power = power;
        this.maxForks = maxForks;
        if (maxForks < minimumForks()) {
            throw new IllegalArgumentException("maxForks must be >= " + minimumForks() + " (the fewest forks a rank "
                    + "test at alpha " + alpha + " needs) but was " + maxForks);
        }
    }

    /** The planner of the gate's policy: its alpha and power, {@value #DEFAULT_MAX_FORKS} forks at most. */
    public static RunPlanner of(GatePolicy policy) {
        return new RunPlanner(policy.alpha(), policy.power(), DEFAULT_MAX_FORKS);
    }

    /**
     * How the calibration ran the benchmark, and so what the plan keeps of it.
     *
     * @param iterationTime its measurement iteration time, positive
     * @param warmup        the warm-up every fork of a plan gets at least, >= 0: the calibration's
     *                      warm-up time plus the time of the leading measurement iterations that were
     *                      still warm-up ({@link RunPlans#unsettledIterations})
     */
    public record Calibration(Duration iterationTime, Duration warmup) {
        public Calibration {
            Objects.requireNonNull(iterationTime, "iterationTime");
            Objects.requireNonNull(warmup, "warmup");
            if (iterationTime.isNegative() || iterationTime.isZero()) {
                throw new IllegalArgumentException("iterationTime must be positive but was " + iterationTime);
            }
            if (warmup.isNegative()) {
                throw new IllegalArgumentException("warmup must be >= 0 but was " + warmup);
            }
        }

        /**
         * The calibration of a run of {@code warmupIterations} x {@code warmupTime} warm-up and
         * {@code iterationTime} measurement iterations, whose first {@code unsettled} measurement
         * iterations were still warm-up.
         */
        public static Calibration of(int warmupIterations, Duration warmupTime, Duration iterationTime,
                                     int unsettled) {
            if (warmupIterations < 0 || unsettled < 0) {
                throw new IllegalArgumentException("warm-up and unsettled iterations must be >= 0 but were "
                        + warmupIterations + " and " + unsettled);
            }
            return new Calibration(iterationTime, warmupTime.multipliedBy(warmupIterations)
                    .plus(iterationTime.multipliedBy(unsettled)));
        }
    }

    /**
     * The cheapest plan that decides {@code threshold}, or the best at the fork cap when none does.
     *
     * @param model           the benchmark's variance components, fitted on settled iterations
     * @param calibration     how the calibration ran it
     * @param forkCostSeconds wall time of a fork beyond its iterations, >= 0
     * @param threshold       relative change to decide, e.g. 0.05
     */
    public RunPlan plan(VarianceComponents model, Calibration calibration, double forkCostSeconds,
                        double threshold) {
        if (!(forkCostSeconds >= 0) || Double.isInfinite(forkCostSeconds)) {
            throw new IllegalArgumentException("forkCostSeconds must be finite and >= 0 but was " + forkCostSeconds);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0 but was " + threshold);
        }
        List<Candidate> candidates = candidates(model, calibration, forkCostSeconds, threshold);
        Candidate best = null;
        for (Candidate c : candidates) {
            if (c.forks <= maxForks && (best == null || c.cheaperThan(best))) {
                best = c;
            }
        }
        if (best == null) {
            double bestSd = candidates.stream().mapToDouble(c -> c.sd).min().orElseThrow();
            double bestDetects = ForkEvidence.minDetectableChange(bestSd, maxForks, maxForks, alpha, power);
            for (Candidate c : candidates) {
                Candidate capped = c.withForks(maxForks, forkCostSeconds);
                double detects = ForkEvidence.minDetectableChange(c.sd, maxForks, maxForks, alpha, power);
                if (detects <= bestDetects * NEAR_BEST && (best == null || capped.cheaperThan(best))) {
                    best = capped;
                }
            }
        }
        double detects = ForkEvidence.minDetectableChange(best.sd, best.forks, best.forks, alpha, power);
        return new RunPlan(best.forks, best.warmup, best.iterations, best.time, best.sd, forkCostSeconds, best.seconds,
                detects);
    }

    private List<Candidate> candidates(VarianceComponents model, Calibration calibration, double forkCost,
                                       double threshold) {
        long warmupNanos = calibration.warmup().toNanos();
        int minimum = minimumForks();
        List<Candidate> out = new ArrayList<>();
        int[] multiples = model.extrapolates() ? TIME_MULTIPLES : new int[] {1};
        for (int m : multiples) {
            Duration time = calibration.iterationTime().multipliedBy(m);
            int warmup = (int) ((warmupNanos + time.toNanos() - 1) / time.toNanos());
            int lowest = model.extrapolates() ? 1 : model.iterations();
            int highest = model.extrapolates() ? MAX_ITERATIONS : model.iterations();
            for (int n = lowest; n <= highest; n++) {
                double sd = Math.sqrt(model.forkMeanVariance(model.extrapolates() ? n * m : n));
                int forks = Math.max(minimum, ForkEvidence.forksNeeded(sd, threshold, alpha, power));
                out.add(new Candidate(forks, warmup, n, m, time, sd, forks * forkSeconds(forkCost, warmup, n, time)));
            }
        }
        return out;
    }

    private static double forkSeconds(double forkCost, int warmup, int iterations, Duration time) {
        return forkCost + (warmup + iterations) * (time.toNanos() / 1e9);
    }

    /** The fewest forks per side with which the gate's rank test can be significant at alpha. */
    int minimumForks() {
        return new DecisionRule(new GatePolicy(5, alpha, power, 1, 16)).minimumForks();
    }

    private record Candidate(int forks, int warmup, int iterations, int multiple, Duration time, double sd,
                             double seconds) {

        boolean cheaperThan(Candidate other) {
            // Costs computed along different paths (2 x 1 s against 1 x 2 s) may differ in the last bits: a tie.
            if (Math.abs(seconds - other.seconds) > 1e-9 * Math.max(seconds, other.seconds)) {
                return seconds < other.seconds;
            }
            if (multiple != other.multiple) {
                return multiple < other.multiple;
            }
            return iterations < other.iterations;
        }

        Candidate withForks(int f, double forkCost) {
            return new Candidate(f, warmup, iterations, multiple, time, sd, f * forkSeconds(forkCost, warmup, iterations,
                    time));
        }
    }
}

package dev.perfgate.core.stats;

import dev.perfgate.core.model.Measurement;

import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark's noise split into levels, after Kalibera and Jones ("Rigorous Benchmarking in
 * Reasonable Time", ISMM 2013): iterations vary around their fork's level, and the forks' levels
 * vary around the benchmark's. Everything is in natural logs, so the figures are unit-free (0.05 is
 * about 5%). Iterations inside a fork are modelled as a stationary AR(1) series: consecutive
 * iterations share part of their noise (lag-1 autocorrelation {@code rho}), which measured about
 * 0.5 at 50 ms iterations on the development machine.
 *
 * <p>The variance of the log mean of {@code n} iterations of one fork is then
 * <pre>
 *   var(n) = forkComponent^2 + iterationSd^2 / n * [1 + 2 sum_{k=1}^{n-1} (1 - k/n) rho^k]
 * </pre>
 * which {@link #forkMeanVariance(int)} returns; {@link RunPlanner} uses it to choose forks and
 * iterations.
 *
 * <p>Estimated by {@link #of(List)} from the per-fork, per-iteration values of one or more runs:
 * <ul>
 *   <li>{@code rho} and the iteration variance by the method of moments on the within-fork sums
 *   of squares and lag-1 cross products around each fork's own mean, pooled over all forks, with
 *   their exact expectations under AR(1): removing a fork's mean biases both (with 4 iterations a
 *   naive lag-1 estimate of a true 0.5 averages about -0.1), and solving for the expectations
 *   removes that bias however short the forks;</li>
 *   <li>the fork component from the between-fork variance of the fork means, pooled within runs
 *   (so that the run-to-run shift {@link Noise#runLogSd()} stays out of it), minus the part the
 *   iterations explain, {@code iterationSd^2 c(n) / n}, floored at 0.</li>
 * </ul>
 *
 * <pre>{@code
 * VarianceComponents model = VarianceComponents.of(List.of(run1.primary(), run2.primary()));
 * double sdOfAForkOf10 = Math.sqrt(model.forkMeanVariance(10));
 * }</pre>
 *
 * @param iterationLogSd     standard deviation of ln(iteration) around its fork's level (the
 *                           stationary sd of the AR(1) series); NaN when no fork has 2 iterations
 * @param iterationLag1      lag-1 autocorrelation of iterations inside a fork, in
 *                           [{@value #MIN_LAG1}, {@value #MAX_LAG1}]; NaN when no fork has 3 iterations
 *                           (with 2 iterations around their own mean the lag-1 product says nothing)
 * @param forkComponentLogSd standard deviation of the forks' levels in logs, >= 0: the part of the
 *                           fork-to-fork noise that more iterations do not remove
 * @param forks              forks the estimate used, >= 2
 * @param iterations         measured iterations per fork (the most in any fork), >= 1
 */
public record VarianceComponents(double iterationLogSd, double iterationLag1, double forkComponentLogSd, int forks,
                                 int iterations) {

    /** The smallest lag-1 autocorrelation the estimate returns. */
    public static final double MIN_LAG1 = -0.9;
    /** The largest lag-1 autocorrelation the estimate returns: nearer 1 the iteration variance is not identified. */
    public static final double MAX_LAG1 = 0.95;

    public VarianceComponents {
        if (!(iterationLogSd >= 0 || Double.isNaN(iterationLogSd)) || Double.isInfinite(iterationLogSd)) {
            throw new IllegalArgumentException("iterationLogSd must be finite and >= 0 (or NaN) but was "
                    + iterationLogSd);
        }
        if (!(iterationLag1 >= MIN_LAG1 && iterationLag1 <= MAX_LAG1 || Double.isNaN(iterationLag1))) {
            throw new IllegalArgumentException("iterationLag1 must be in [" + MIN_LAG1 + ", " + MAX_LAG1
                    + "] (or NaN) but was " + iterationLag1);
        }
        if (!(forkComponentLogSd >= 0) || Double.isInfinite(forkComponentLogSd)) {
            throw new IllegalArgumentException("forkComponentLogSd must be finite and >= 0 but was "
                    + forkComponentLogSd);
        }
        if (forks < 2 || iterations < 1) {
            throw new IllegalArgumentException("forks must be >= 2 and iterations >= 1 but were " + forks + " and "
                    + iterations);
        }
        if (Double.isNaN(iterationLogSd) != Double.isNaN(iterationLag1) && !Double.isNaN(iterationLag1)) {
            throw new IllegalArgumentException("a lag-1 autocorrelation needs an iteration sd");
        }
    }

    /** Whether the model can say what another number of iterations per fork does (both iteration figures known). */
    public boolean extrapolates() {
        return !Double.isNaN(iterationLogSd) && !Double.isNaN(iterationLag1);
    }

    /**
     * Variance of the log mean of {@code n} consecutive iterations of one fork, fork level included
     * (see the class comment). Without the iteration figures only the calibration's own number of
     * iterations is known: then {@code n} must be {@link #iterations()}.
     *
     * @param n iterations per fork, >= 1
     */
    public double forkMeanVariance(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 but was " + n);
        }
        if (!extrapolates()) {
            if (n != iterations) {
                throw new IllegalArgumentException("without iteration figures the model knows " + iterations
                        + " iterations per fork only, not " + n);
            }
            double within = Double.isNaN(iterationLogSd) ? 0 : iterationLogSd * iterationLogSd / n;
            return forkComponentLogSd * forkComponentLogSd + within;
        }
        return forkComponentLogSd * forkComponentLogSd
                + iterationLogSd * iterationLogSd * ar1Factor(n, iterationLag1) / n;
    }

    /**
     * {@code 1 + 2 sum_{k=1}^{n-1} (1 - k/n) rho^k}: how much autocorrelation inflates the variance
     * of a mean of {@code n} AR(1) values over independent ones (1 at {@code rho} 0, {@code n} at 1).
     */
    public static double ar1Factor(int n, double rho) {
        double sum = 0;
        double power = 1;
        for (int k = 1; k < n; k++) {
            power *= rho;
            sum += (1 - (double) k / n) * power;
        }
        return 1 + 2 * sum;
    }

    /**
     * Estimates the components from one or more runs of a benchmark (see the class comment).
     * Iteration values that are not finite and positive are left out; forks left with no value are
     * left out.
     *
     * @param runs one measurement per run, each with per-fork iteration values
     * @throws IllegalArgumentException when fewer than 2 forks in one run have values
     */
    public static VarianceComponents of(List<Measurement> runs) {
        return ofLogs(logs(runs));
    }

    /**
     * Only what the runs show directly: the spread of their fork means (the between-fork variance of
     * the fork log means, pooled within runs), all of it counted as fork component, with no claim
     * about other numbers of iterations per fork ({@link #extrapolates()} is false). A planner given
     * it keeps the calibration's fork shape and chooses forks only: the conservative model where the
     * split between iteration and fork noise is not identified (lag-1 at {@value #MAX_LAG1}, where
     * {@link #of} may attribute to the iterations more variance than the fork means show).
     *
     * @param runs one measurement per run, each with per-fork iteration values
     * @throws IllegalArgumentException when fewer than 2 forks in one run have values
     */
    public static VarianceComponents atCalibrationShape(List<Measurement> runs) {
        List<List<double[]>> logs = logs(runs);
        int forks = logs.stream().mapToInt(List::size).sum();
        int iterations = logs.stream().flatMap(List::stream).mapToInt(f -> f.length).max().orElse(1);
        return new VarianceComponents(Double.NaN, Double.NaN, Math.sqrt(pooledForkMeanVariance(logs)), forks,
                Math.max(1, iterations));
    }

    /** Natural logs of the finite, positive iteration values: per run, per fork with any. */
    private static List<List<double[]>> logs(List<Measurement> runs) {
        List<List<double[]>> logs = new ArrayList<>();
        for (Measurement run : runs) {
            List<double[]> forks = new ArrayList<>();
            for (List<Double> fork : run.forks()) {
                double[] values = fork.stream().mapToDouble(Double::doubleValue)
                        .filter(v -> v > 0 && Double.isFinite(v)).map(Math::log).toArray();
                if (values.length > 0) {
                    forks.add(values);
                }
            }
            logs.add(forks);
        }
        return logs;
    }

    /** The variance of the fork log means around their run's mean, pooled over the runs. */
    private static double pooledForkMeanVariance(List<List<double[]>> runs) {
        double between = 0;
        int dof = 0;
        for (List<double[]> run : runs) {
            if (run.size() > 1) {
                double[] means = run.stream().mapToDouble(VarianceComponents::mean).toArray();
                double runMean = mean(means);
                for (double m : means) {
                    between += (m - runMean) * (m - runMean);
                }
                dof += run.size() - 1;
            }
        }
        if (dof == 0) {
            throw new IllegalArgumentException("no run has 2 forks with values: the fork-to-fork noise is unknown");
        }
        return between / dof;
    }

    /** The estimate from natural logs of iterations: per run, per fork. */
    static VarianceComponents ofLogs(List<List<double[]>> runs) {
        double forkMeanVariance = pooledForkMeanVariance(runs);
        double s0 = 0;
        double s1 = 0;
        int maxIterations = 0;
        int forks = 0;
        List<Integer> lengths = new ArrayList<>();
        for (List<double[]> run : runs) {
            for (double[] fork : run) {
                double mean = mean(fork);
                lengths.add(fork.length);
                maxIterations = Math.max(maxIterations, fork.length);
                for (int j = 0; j < fork.length; j++) {
                    double e = fork[j] - mean;
                    s0 += e * e;
                    if (j + 1 < fork.length) {
                        s1 += e * (fork[j + 1] - mean);
                    }
                }
            }
            forks += run.size();
        }
        boolean anyPair = lengths.stream().anyMatch(n -> n >= 2);
        boolean anyTriple = lengths.stream().anyMatch(n -> n >= 3);
        double rho = Double.NaN;
        double iterationVariance = Double.NaN;
        if (anyTriple) {
            rho = solveLag1(lengths, s0 == 0 ? 0 : s1 / s0);
            double expected = 0;
            for (int n : lengths) {
                expected += centredSquares(n, rho);
            }
            iterationVariance = expected > 0 ? s0 / expected : 0;
        } else if (anyPair) {
            // Two iterations say how far apart they are, not how correlated: the variance is known
            // only as it shows in a fork mean of this length, which is all a plan of this length needs.
            int dof = lengths.stream().mapToInt(n -> n - 1).sum();
            iterationVariance = s0 / dof;
        }
        double explained = 0;
        if (!Double.isNaN(iterationVariance)) {
            for (int n : lengths) {
                explained += iterationVariance * (Double.isNaN(rho) ? 1 : ar1Factor(n, rho)) / n;
            }
            explained /= lengths.size();
        }
        double forkComponent = Math.sqrt(Math.max(0, forkMeanVariance - explained));
        return new VarianceComponents(Math.sqrt(iterationVariance), rho, forkComponent, forks,
                Math.max(1, maxIterations));
    }

    /**
     * The rho whose expected pooled ratio of lag-1 products to squares (around each fork's mean)
     * equals the observed one, by bisection; the ratio grows with rho for forks of 3 or more
     * iterations. Clamped to [{@value #MIN_LAG1}, {@value #MAX_LAG1}].
     */
    private static double solveLag1(List<Integer> lengths, double observed) {
        double low = MIN_LAG1;
        double high = MAX_LAG1;
        if (observed <= expectedRatio(lengths, low)) {
            return low;
        }
        if (observed >= expectedRatio(lengths, high)) {
            return high;
        }
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (expectedRatio(lengths, mid) < observed) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    private static double expectedRatio(List<Integer> lengths, double rho) {
        double squares = 0;
        double products = 0;
        for (int n : lengths) {
            squares += centredSquares(n, rho);
            products += centredLag1Products(n, rho);
        }
        return squares == 0 ? 0 : products / squares;
    }

    /**
     * E[sum_j (y_j - mean)^2] / sigma^2 for {@code n} AR(1) values of unit variance: {@code n - c(n)},
     * c being {@link #ar1Factor}.
     */
    static double centredSquares(int n, double rho) {
        return n - ar1Factor(n, rho);
    }

    /**
     * E[sum_j (y_j - mean)(y_{j+1} - mean)] / sigma^2 for {@code n} AR(1) values of unit variance:
     * the sum over neighbours of {@code (C P C)_{j,j+1}}, P being the correlation matrix
     * {@code rho^|i-j|} and C the centring matrix.
     */
    static double centredLag1Products(int n, double rho) {
        if (n < 2) {
            return 0;
        }
        double[] rowMeans = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += Math.pow(rho, Math.abs(i - j));
            }
            rowMeans[i] = sum / n;
        }
        double grand = ar1Factor(n, rho) / n;
        double total = 0;
        for (int j = 0; j + 1 < n; j++) {
            total += rho - rowMeans[j] - rowMeans[j + 1] + grand;
        }
        return total;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}

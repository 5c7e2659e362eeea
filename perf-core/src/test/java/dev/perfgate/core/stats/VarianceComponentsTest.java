package dev.perfgate.core.stats;

import dev.perfgate.core.model.Measurement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VarianceComponentsTest {

    /**
     * Runs of a benchmark whose fork levels are log-normal with sd {@code forkSd} and whose iterations
     * are a stationary AR(1) series in logs (sd {@code iterationSd}, lag-1 {@code rho}) around them;
     * each run shifted as a whole by {@code runSd}.
     */
    static List<Measurement> synthetic(int runs, int forks, int iterations, double forkSd, double iterationSd,
                                       double rho, double runSd, long seed) {
        Random random = new Random(seed);
        List<Measurement> out = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            double shift = runSd * random.nextGaussian();
            List<List<Double>> forkValues = new ArrayList<>();
            for (int f = 0; f < forks; f++) {
                double level = Math.log(100) + shift + forkSd * random.nextGaussian();
                double e = iterationSd * random.nextGaussian();
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < iterations; i++) {
                    if (i > 0) {
                        e = rho * e + iterationSd * Math.sqrt(1 - rho * rho) * random.nextGaussian();
                    }
                    values.add(Math.exp(level + e));
                }
                forkValues.add(values);
            }
            out.add(new Measurement("us/op", 100, Double.NaN, forkValues));
        }
        return out;
    }

    @Test
    void recoversTheComponentsOfAutocorrelatedIterationsFromManyShortForks() {
        // 2 runs x 1000 forks x 4 iterations, like a long calibration of the standard profile's forks.
        VarianceComponents model = VarianceComponents.of(synthetic(2, 1000, 4, 0.03, 0.05, 0.5, 0.02, 1));

        // Stated tolerances: about 3 standard errors at this sample size.
        assertThat(model.iterationLag1()).isCloseTo(0.5, within(0.06));
        assertThat(model.iterationLogSd()).isCloseTo(0.05, within(0.004));
        assertThat(model.forkComponentLogSd()).isCloseTo(0.03, within(0.004));
        assertThat(model.forks()).isEqualTo(2000);
        assertThat(model.iterations()).isEqualTo(4);
    }

    @Test
    void atCalibrationShapeIsTheSpreadOfTheForkMeansAndNothingElse() {
        // Forks 8% apart whose iterations each move steadily up or down by 1%: the full model clamps
        // lag-1 at its limit and attributes to the iterations more variance than the fork means show.
        List<Measurement> runs = wandering(2, 20, 4, 0.08, 0.01, 3);
        VarianceComponents full = VarianceComponents.of(runs);

        VarianceComponents shape = VarianceComponents.atCalibrationShape(runs);

        assertThat(full.iterationLag1()).isEqualTo(VarianceComponents.MAX_LAG1);
        assertThat(shape.extrapolates()).isFalse();
        assertThat(shape.forks()).isEqualTo(40);
        assertThat(shape.iterations()).isEqualTo(4);
        assertThat(Math.sqrt(shape.forkMeanVariance(4))).isCloseTo(pooledSdOfLogForkMeans(runs), within(1e-12))
                .isLessThan(Math.sqrt(full.forkMeanVariance(4)));
        assertThatThrownBy(() -> shape.forkMeanVariance(8)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Runs of log-normal fork levels ({@code forkSd}) whose iterations each move by {@code slope}
     * per iteration, up or down at random per fork, with 0.1% noise: iterations that move together
     * within forks too short to say whether they wander or the forks differ.
     */
    static List<Measurement> wandering(int runs, int forks, int iterations, double forkSd, double slope, long seed) {
        Random random = new Random(seed);
        List<Measurement> out = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            List<List<Double>> forkValues = new ArrayList<>();
            for (int f = 0; f < forks; f++) {
                double level = Math.log(100) + forkSd * random.nextGaussian();
                double direction = random.nextBoolean() ? slope : -slope;
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < iterations; i++) {
                    values.add(Math.exp(level + direction * (i - (iterations - 1) / 2.0)
                            + 0.001 * random.nextGaussian()));
                }
                forkValues.add(values);
            }
            out.add(new Measurement("us/op", 100, Double.NaN, forkValues));
        }
        return out;
    }

    /** Standard deviation of the forks' mean log within runs, pooled, computed the plain way. */
    static double pooledSdOfLogForkMeans(List<Measurement> runs) {
        double squares = 0;
        int dof = 0;
        for (Measurement run : runs) {
            double[] means = run.forks().stream()
                    .mapToDouble(f -> f.stream().mapToDouble(Math::log).average().orElseThrow()).toArray();
            double mean = java.util.Arrays.stream(means).average().orElseThrow();
            for (double m : means) {
                squares += (m - mean) * (m - mean);
            }
            dof += means.length - 1;
        }
        return Math.sqrt(squares / dof);
    }

    @Test
    void theRunShiftStaysOutOfTheForkComponent() {
        VarianceComponents model = VarianceComponents.of(synthetic(20, 100, 6, 0.02, 0.04, 0.3, 0.10, 2));

        assertThat(model.forkComponentLogSd()).isCloseTo(0.02, within(0.004));
    }

    @Test
    void findsNegativeAndZeroAutocorrelationToo() {
        VarianceComponents independent = VarianceComponents.of(synthetic(1, 1000, 5, 0.02, 0.05, 0, 0, 3));
        VarianceComponents alternating = VarianceComponents.of(synthetic(1, 1000, 5, 0.02, 0.05, -0.4, 0, 4));

        assertThat(independent.iterationLag1()).isCloseTo(0, within(0.05));
        assertThat(alternating.iterationLag1()).isCloseTo(-0.4, within(0.05));
        assertThat(alternating.iterationLogSd()).isCloseTo(0.05, within(0.003));
    }

    @Test
    void aNaiveLag1EstimateOfShortForksIsBiasedAndTheMomentEstimateIsNot() {
        List<Measurement> runs = synthetic(1, 2000, 4, 0, 0.05, 0.5, 0, 5);
        double products = 0;
        double squares = 0;
        for (List<Double> fork : runs.get(0).forks()) {
            double[] logs = fork.stream().mapToDouble(Math::log).toArray();
            double mean = java.util.Arrays.stream(logs).average().orElseThrow();
            for (int i = 0; i < logs.length; i++) {
                squares += (logs[i] - mean) * (logs[i] - mean);
                if (i + 1 < logs.length) {
                    products += (logs[i] - mean) * (logs[i + 1] - mean);
                }
            }
        }

        assertThat(products / squares).as("naive pooled lag-1").isLessThan(0);
        assertThat(VarianceComponents.of(runs).iterationLag1()).isCloseTo(0.5, within(0.06));
    }

    @Test
    void atTheCalibrationsIterationsTheModelReproducesTheObservedForkMeanVariance() {
        List<Measurement> runs = synthetic(1, 400, 4, 0.04, 0.06, 0.5, 0, 6);
        double[] logMeans = runs.get(0).forks().stream()
                .mapToDouble(f -> f.stream().mapToDouble(Math::log).average().orElseThrow()).toArray();
        double mean = java.util.Arrays.stream(logMeans).average().orElseThrow();
        double observed = java.util.Arrays.stream(logMeans).map(v -> (v - mean) * (v - mean)).sum()
                / (logMeans.length - 1);

        VarianceComponents model = VarianceComponents.of(runs);

        assertThat(model.forkMeanVariance(4)).isCloseTo(observed, within(observed * 1e-9));
        // Expected by construction: 0.04^2 + 0.06^2 * c(4, 0.5) / 4.
        assertThat(Math.sqrt(model.forkMeanVariance(4))).isCloseTo(
                Math.sqrt(0.04 * 0.04 + 0.06 * 0.06 * VarianceComponents.ar1Factor(4, 0.5) / 4), within(0.004));
    }

    @Test
    void theForkComponentIsFlooredAtZeroWhenIterationsExplainAllTheForkNoise() {
        VarianceComponents model = VarianceComponents.of(synthetic(1, 300, 5, 0, 0.08, 0.2, 0, 7));

        assertThat(model.forkComponentLogSd()).isLessThan(0.012);
        assertThat(model.forkComponentLogSd()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void ar1FactorIsOneForIndependentIterationsAndNForPerfectlyCorrelatedOnes() {
        assertThat(VarianceComponents.ar1Factor(1, 0.7)).isEqualTo(1);
        assertThat(VarianceComponents.ar1Factor(10, 0)).isEqualTo(1);
        assertThat(VarianceComponents.ar1Factor(10, 1)).isCloseTo(10, within(1e-12));
        // n = 2: 1 + 2 * (1/2) * rho.
        assertThat(VarianceComponents.ar1Factor(2, 0.5)).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void theExpectedCentredMomentsMatchASimulation() {
        // The closed forms the estimate solves, checked against 200,000 simulated forks of 4.
        Random random = new Random(8);
        double rho = 0.6;
        double squares = 0;
        double products = 0;
        int forks = 200_000;
        for (int f = 0; f < forks; f++) {
            double[] y = new double[4];
            y[0] = random.nextGaussian();
            for (int i = 1; i < 4; i++) {
                y[i] = rho * y[i - 1] + Math.sqrt(1 - rho * rho) * random.nextGaussian();
            }
            double mean = (y[0] + y[1] + y[2] + y[3]) / 4;
            for (int i = 0; i < 4; i++) {
                squares += (y[i] - mean) * (y[i] - mean);
                if (i < 3) {
                    products += (y[i] - mean) * (y[i + 1] - mean);
                }
            }
        }

        assertThat(squares / forks).isCloseTo(VarianceComponents.centredSquares(4, rho), within(0.01));
        assertThat(products / forks).isCloseTo(VarianceComponents.centredLag1Products(4, rho), within(0.01));
    }

    @Test
    void theExpectedLag1RatioGrowsWithRhoSoTheEstimateIsUnique() {
        for (int n = 3; n <= 30; n++) {
            double previous = Double.NEGATIVE_INFINITY;
            for (double rho = VarianceComponents.MIN_LAG1; rho <= VarianceComponents.MAX_LAG1; rho += 0.01) {
                double ratio = VarianceComponents.centredLag1Products(n, rho) / VarianceComponents.centredSquares(n, rho);
                assertThat(ratio).as("n %d rho %.2f", n, rho).isGreaterThan(previous);
                previous = ratio;
            }
        }
    }

    @Test
    void withTwoIterationsPerForkTheModelKnowsOnlyThatLength() {
        VarianceComponents model = VarianceComponents.of(synthetic(1, 200, 2, 0.03, 0.05, 0.5, 0, 9));

        assertThat(model.extrapolates()).isFalse();
        assertThat(model.iterationLag1()).isNaN();
        assertThat(model.forkMeanVariance(2)).isPositive();
        assertThatThrownBy(() -> model.forkMeanVariance(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 iterations per fork only");
    }

    @Test
    void oneForkPerRunIsRefused() {
        assertThatThrownBy(() -> VarianceComponents.of(synthetic(3, 1, 4, 0.03, 0.05, 0.5, 0, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no run has 2 forks");
    }

    @Test
    void invalidComponentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new VarianceComponents(-0.1, 0.5, 0.02, 10, 4))
                .hasMessageContaining("iterationLogSd");
        assertThatThrownBy(() -> new VarianceComponents(0.05, 0.99, 0.02, 10, 4))
                .hasMessageContaining("iterationLag1");
        assertThatThrownBy(() -> new VarianceComponents(0.05, 0.5, 0.02, 1, 4)).hasMessageContaining("forks");
    }
}

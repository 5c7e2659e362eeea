package dev.perfgate.core.history;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Change points on seeded synthetic series with known steps, and on flat noisy series. */
class ChangePointsTest {

    private final ChangePoints detector = ChangePoints.defaults();

    private static double[] series(long seed, int length, double noise, int stepAt, double stepFactor) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            double level = i >= stepAt ? 100 * stepFactor : 100;
            values[i] = level * Math.exp(noise * gaussian(random));
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void cleanStepIsFoundAtItsFirstRunWithItsSize() {
        for (long seed = 1; seed <= 50; seed++) {
            double[] values = series(seed, 20, 0.01, 6, 1.14);
            List<ChangePoints.ChangePoint> found = detector.detect(values);
            assertThat(found).as("seed " + seed).singleElement().satisfies(cp -> {
                assertThat(cp.index()).isEqualTo(6);
                assertThat(cp.shift()).isCloseTo(0.14, within(0.02));
            });
        }
    }

    @Test
    void stepInTheMiddleOfTwelveRunsIsFound() {
        double[] values = series(7, 12, 0.01, 6, 1.15);
        assertThat(detector.detect(values)).extracting(ChangePoints.ChangePoint::index).containsExactly(6);
    }

    @Test
    void twoStepsAreBothFound() {
        double[] values = series(11, 30, 0.01, 10, 1.2);
        for (int i = 20; i < 30; i++) {
            values[i] = values[i] / 1.2 * 0.9;
        }
        assertThat(detector.detect(values)).extracting(ChangePoints.ChangePoint::index).containsExactly(10, 20);
    }

    @Test
    void singleOutlierRunIsNotAStep() {
        double[] values = series(3, 20, 0.01, 20, 1.0);
        values[9] *= 1.5;
        assertThat(detector.detect(values)).isEmpty();
    }

    @Test
    void flatNoisySeriesRarelyShowSteps() {
        int withSteps = 0;
        for (long seed = 1; seed <= 200; seed++) {
            if (!detector.detect(series(seed, 30, 0.03, 30, 1.0)).isEmpty()) {
                withSteps++;
            }
        }
        System.out.println("flat series (30 runs, 3% noise) with a false change point: " + withSteps + "/200");
        assertThat(withSteps).isLessThanOrEqualTo(10);
    }

    @Test
    void longFlatNoisySeriesRarelyShowSteps() {
        int withSteps = 0;
        for (long seed = 1; seed <= 50; seed++) {
            if (!detector.detect(series(seed, 500, 0.05, 500, 1.0)).isEmpty()) {
                withSteps++;
            }
        }
        System.out.println("flat series (500 runs, 5% noise) with a false change point: " + withSteps + "/50");
        assertThat(withSteps).isLessThanOrEqualTo(3);
    }

    @Test
    void stepsOfFiveAndTenPercentInLongNoisySeriesAreFoundNearTheirRun() {
        for (long seed = 1; seed <= 20; seed++) {
            double[] values = series(seed, 200, 0.03, 120, seed % 2 == 0 ? 1.05 : 1.10);

            List<ChangePoints.ChangePoint> found = detector.detect(values);

            assertThat(found).as("seed %d: %s", seed, found).hasSize(1);
            assertThat(found.get(0).index()).as("seed %d", seed).isBetween(117, 123);
            assertThat(found.get(0).shift()).isCloseTo(seed % 2 == 0 ? 0.05 : 0.10, within(0.015));
        }
    }

    /** The O(n log n) divergence picks the same split as E-Divisive's definition computed pair by pair. */
    @Test
    void bestSplitIsTheMaximumOfTheEnergyDivergence() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 8 + random.nextInt(40);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // Few distinct values, so that ties are common.
                x[i] = random.nextInt(6) + (i > n / 2 ? random.nextInt(3) : 0);
            }
            int min = 2 + random.nextInt(3);
            if (n < 2 * min) {
                continue;
            }

            assertThat(ChangePoints.bestSplit(x, min)).as("trial %d", trial).isEqualTo(naiveBestSplit(x, min));
        }
    }

    private static int naiveBestSplit(double[] x, int min) {
        int n = x.length;
        double bestQ = Double.NEGATIVE_INFINITY;
        int best = min;
        for (int k = min; k <= n - min; k++) {
            double between = 0;
            double withinLeft = 0;
            double withinRight = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double d = Math.abs(x[i] - x[j]);
                    if (j < k) {
                        withinLeft += d;
                    } else if (i >= k) {
                        withinRight += d;
                    } else {
                        between += d;
                    }
                }
            }
            double m = k;
            double q = n - k;
            double q2 = m * q / n * (2 * between / (m * q) - withinLeft / (m * (m - 1) / 2)
                    - withinRight / (q * (q - 1) / 2));
            if (q2 > bestQ + 1e-9) {
                bestQ = q2;
                best = k;
            }
        }
        return best;
    }

    @Test
    void tooShortSeriesHasNoChangePoints() {
        assertThat(detector.detect(new double[] {1, 1, 1, 2, 2, 2, 2})).isEmpty();
        assertThat(detector.detect(new double[0])).isEmpty();
    }
}

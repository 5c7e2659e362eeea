package dev.perfgate.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MannWhitneyTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    @Test
    void uStatisticCountsPairsWhereYIsLargerAndTiesAsOneHalf() {
        // y=2: beats 1, ties 2 -> 1.5; y=4: beats 1, 2, 3 -> 3
        assertThat(MannWhitney.uStatistic(new double[] {1, 2, 3}, new double[] {2, 4})).isEqualTo(4.5);
        assertThat(MannWhitney.uStatistic(new double[] {1, 2, 3}, new double[] {4, 5})).isEqualTo(6.0);
        assertThat(MannWhitney.uStatistic(new double[] {4, 5}, new double[] {1, 2, 3})).isEqualTo(0.0);
    }

    @Test
    void completeSeparationGivesTwoOverBinomialCoefficient() {
        MannWhitney test = new MannWhitney(5, 5);
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {6, 7, 8, 9, 10};

        assertThat(test.twoSidedP(x, y)).isCloseTo(2.0 / 252, within(1e-15));
        assertThat(test.twoSidedP(y, x)).isCloseTo(2.0 / 252, within(1e-15));
    }

    @Test
    void completeSeparationOfUnequalSizesGivesTwoOverBinomialCoefficient() {
        MannWhitney test = new MannWhitney(4, 7);
        double[] x = {10, 11, 12, 13};
        double[] y = {1, 2, 3, 4, 5, 6, 7};

        assertThat(test.twoSidedP(x, y))
                .isCloseTo(2.0 / CombinatoricsUtils.binomialCoefficientDouble(11, 4), within(1e-15));
    }

    @Test
    void smallestPossiblePIsOneTenthForThreeForksAndTwoSeventiethsForFour() {
        assertThat(new MannWhitney(3, 3).smallestPossibleP()).isCloseTo(0.1, within(1e-15));
        assertThat(new MannWhitney(4, 4).smallestPossibleP()).isCloseTo(2.0 / 70, within(1e-15));
        assertThat(new MannWhitney(1, 1).smallestPossibleP()).isEqualTo(1.0);
    }

    @Test
    void exactPMatchesBruteForcePermutationDistribution() {
        SplittableRandom random = new SplittableRandom(11);
        for (int m = 2; m <= 6; m++) {
            for (int n = 2; n <= 6; n++) {
                double[] x = normals(random, m, 0, 1);
                double[] y = normals(random, n, 0.8, 1);
                double expected = bruteForceTwoSidedP(x, y);
                assertThat(new MannWhitney(m, n).twoSidedP(x, y))
                        .as("m=%d n=%d", m, n)
                        .isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void exactPAgreesWithCommonsMathNormalApproximationForThirtyPerSide() {
        SplittableRandom random = new SplittableRandom(42);
        MannWhitney test = new MannWhitney(30, 30);
        MannWhitneyUTest commons = new MannWhitneyUTest();
        for (int trial = 0; trial < 50; trial++) {
            double[] x = normals(random, 30, 0, 1);
            double[] y = normals(random, 30, 0.4, 1);
            double exact = test.twoSidedP(x, y);
            double approx = commons.mannWhitneyUTest(x, y);
            // commons-math3 has no continuity correction; at 30 per side the two differ by < 0.015
            assertThat(exact).as("trial %d", trial).isCloseTo(approx, within(0.015));
        }
    }

    @Test
    void normalApproximationAgreesWithCommonsMathAboveTheExactLimit() {
        SplittableRandom random = new SplittableRandom(43);
        MannWhitney test = new MannWhitney(60, 60);
        MannWhitneyUTest commons = new MannWhitneyUTest();
        for (int trial = 0; trial < 20; trial++) {
            double[] x = normals(random, 60, 0, 1);
            double[] y = normals(random, 60, 0.3, 1);
            assertThat(test.twoSidedP(x, y)).isCloseTo(commons.mannWhitneyUTest(x, y), within(0.01));
        }
    }

    @Test
    void largestExactSampleSizesStayExactAndSymmetric() {
        MannWhitney test = new MannWhitney(50, 50);
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = i;
            y[i] = 100 + i;
        }
        double smallest = 2 / CombinatoricsUtils.binomialCoefficientDouble(100, 50);

        assertThat(test.smallestPossibleP()).isCloseTo(smallest, within(smallest * 1e-9));
        assertThat(test.twoSidedP(x, y)).isCloseTo(smallest, within(smallest * 1e-9));
        assertThat(test.twoSidedP(y, x)).isCloseTo(smallest, within(smallest * 1e-9));
    }

    @Test
    void tiesFallBackToNormalApproximationWithTieAndContinuityCorrection() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {3, 6, 7, 8, 9};
        // U = 22.5, mean 12.5, one tie of two: var = 25/12 * (11 - 6/90)
        double z = (22.5 - 12.5 - 0.5) / Math.sqrt(25.0 / 12 * (11 - 6.0 / 90));
        double expected = 2 * (1 - STANDARD_NORMAL.cumulativeProbability(z));

        assertThat(new MannWhitney(5, 5).twoSidedP(x, y)).isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(0.0465, within(0.001));
    }

    @Test
    void identicalSamplesGivePOfOne() {
        double[] x = {3.5, 3.5, 3.5, 3.5};
        assertThat(new MannWhitney(4, 4).twoSidedP(x, x.clone())).isEqualTo(1.0);
        double[] varied = {1, 2, 3, 4, 5, 6};
        assertThat(new MannWhitney(6, 6).twoSidedP(varied, varied.clone())).isEqualTo(1.0);
    }

    @Test
    void hodgesLehmannShiftOfTranslatedSampleIsTheTranslation() {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = normals(random, 9, 10, 2);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + 0.75;
        }
        MannWhitney test = new MannWhitney(9, 9);

        assertThat(test.shiftEstimate(x, y)).isCloseTo(0.75, within(1e-12));
        assertThat(test.shiftEstimate(y, x)).isCloseTo(-0.75, within(1e-12));
    }

    @Test
    void hodgesLehmannShiftIsMedianOfPairwiseDifferences() {
        // differences y - x: 10-1, 10-2, 10-4, 12-1, 12-2, 12-4 = 9, 8, 6, 11, 10, 8 -> median (8 + 9) / 2
        assertThat(new MannWhitney(3, 2).shiftEstimate(new double[] {1, 2, 4}, new double[] {10, 12}))
                .isEqualTo(8.5);
    }

    @Test
    void shiftIntervalIsNullWhenSamplesAreTooSmallForTheConfidence() {
        assertThat(new MannWhitney(3, 3).shiftInterval(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95))
                .isNull();
    }

    @Test
    void shiftIntervalExcludesZeroExactlyWhenTestIsSignificant() {
        SplittableRandom random = new SplittableRandom(99);
        MannWhitney test = new MannWhitney(8, 8);
        for (int trial = 0; trial < 300; trial++) {
            double[] x = normals(random, 8, 0, 1);
            double[] y = normals(random, 8, 1.0, 1);
            double[] interval = test.shiftInterval(x, y, 0.95);
            boolean excludesZero = interval[0] > 0 || interval[1] < 0;
            assertThat(excludesZero).as("trial %d", trial).isEqualTo(test.twoSidedP(x, y) < 0.05);
        }
    }

    @Test
    void ninetyFivePercentShiftIntervalCoversTrueShiftAboutNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(2024);
        MannWhitney test = new MannWhitney(10, 10);
        int simulations = 2000;
        double trueShift = 0.5;
        int covered = 0;
        for (int s = 0; s < simulations; s++) {
            double[] x = normals(random, 10, 0, 1);
            double[] y = normals(random, 10, trueShift, 1);
            double[] interval = test.shiftInterval(x, y, 0.95);
            if (interval[0] <= trueShift && trueShift <= interval[1]) {
                covered++;
            }
        }
        double coverage = covered / (double) simulations;
        System.out.printf("Hodges-Lehmann 95%% interval coverage (10 vs 10): %d/%d%n", covered, simulations);
        // exact coverage for 10 vs 10 is 1 - 2 P(U <= 23) = 0.957; 2000 runs give +-0.01
        assertThat(coverage).isBetween(0.93, 0.98);
    }

    @Test
    void rejectsSamplesOfTheWrongSize() {
        MannWhitney test = new MannWhitney(3, 3);
        assertThatThrownBy(() -> test.twoSidedP(new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sizes 3 and 3");
        assertThatThrownBy(() -> new MannWhitney(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] normals(SplittableRandom random, int count, double mean, double sd) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = mean + sd * random.nextGaussian();
        }
        return out;
    }

    /** 2 P(U <= min(u, mn - u)) over all ways to split the pooled sample, capped at 1. */
    private static double bruteForceTwoSidedP(double[] x, double[] y) {
        int m = x.length;
        int n = y.length;
        double[] pooled = new double[m + n];
        System.arraycopy(x, 0, pooled, 0, m);
        System.arraycopy(y, 0, pooled, m, n);
        double u = MannWhitney.uStatistic(x, y);
        double uMin = Math.min(u, (double) m * n - u);
        int atMost = 0;
        int total = 0;
        for (int mask = 0; mask < 1 << (m + n); mask++) {
            if (Integer.bitCount(mask) != m) {
                continue;
            }
            double[] px = new double[m];
            double[] py = new double[n];
            int i = 0;
            int j = 0;
            for (int k = 0; k < m + n; k++) {
                if ((mask & (1 << k)) != 0) {
                    px[i++] = pooled[k];
                } else {
                    py[j++] = pooled[k];
                }
            }
            total++;
            if (MannWhitney.uStatistic(px, py) <= uMin) {
                atMost++;
            }
        }
        return Math.min(1.0, 2.0 * atMost / total);
    }
}

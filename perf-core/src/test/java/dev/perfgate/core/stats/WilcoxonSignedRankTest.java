package dev.perfgate.core.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WilcoxonSignedRankTest {

    @Test
    void wPlusSumsTheRanksOfThePositiveDifferencesWithMidRanksForTies() {
        // |d| ranks: 0.5 -> 1, 1 and -1 -> 2.5 each, 3 -> 4; positive: 0.5, 1, 3
        assertThat(WilcoxonSignedRank.wPlus(new double[] {1, -1, 0.5, 3})).isEqualTo(1 + 2.5 + 4);
        assertThat(WilcoxonSignedRank.wPlus(new double[] {-1, -2, -3})).isZero();
    }

    @Test
    void smallestPossiblePIsTwoOverTwoToTheNSoSixPairsAreTheFewestAtFivePercent() {
        assertThat(new WilcoxonSignedRank(5).smallestPossibleP()).isCloseTo(2.0 / 32, within(1e-15));
        assertThat(new WilcoxonSignedRank(6).smallestPossibleP()).isCloseTo(2.0 / 64, within(1e-15));
        assertThat(new WilcoxonSignedRank(1).smallestPossibleP()).isEqualTo(1.0);
    }

    @Test
    void exactPMatchesEnumerationOfAllSignPatterns() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 1; n <= 12; n++) {
            double[] d = normals(random, n, 0.4);
            double expected = enumeratedTwoSidedP(d);
            assertThat(new WilcoxonSignedRank(n).twoSidedP(d)).as("n = %d", n).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void exactPAgreesWithCommonsMath() {
        SplittableRandom random = new SplittableRandom(5);
        var commons = new org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest();
        // commons-math enumerates all 2^n sign patterns: n = 30 alone took 75 s, n = 25 takes about 2 s
        for (int n = 5; n <= 25; n += 5) {
            double[] d = normals(random, n, 0.3);
            // commons-math works on the differences x - y, and does not cap the doubled tail at 1
            double expected = Math.min(1, commons.wilcoxonSignedRankTest(d, new double[n], true));
            assertThat(new WilcoxonSignedRank(n).twoSidedP(d)).as("n = %d", n).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void beyondTwoHundredPairsTheNormalApproximationAgreesWithCommonsMath() {
        SplittableRandom random = new SplittableRandom(9);
        var commons = new org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest();
        for (int n : new int[] {250, 1500}) {
            double[] d = normals(random, n, 0.05);
            double expected = Math.min(1, commons.wilcoxonSignedRankTest(d, new double[n], false));
            WilcoxonSignedRank test = new WilcoxonSignedRank(n);
            assertThat(test.twoSidedP(d)).as("n = %d", n).isCloseTo(expected, within(0.01));
            assertThat(test.smallestPossibleP()).isBetween(0.0, 1e-6);
            double[] interval = test.shiftInterval(d, 0.95);
            assertThat(interval[0]).isLessThan(test.shiftEstimate(d));
            assertThat(interval[1]).isGreaterThan(test.shiftEstimate(d));
        }
    }

    @Test
    void normalApproximationForTiesAndZerosIsCloseToTheExactValueWithoutThem() {
        SplittableRandom random = new SplittableRandom(7);
        double[] d = normals(random, 60, 0.3);
        double exact = new WilcoxonSignedRank(60).twoSidedP(d);
        double[] withTie = d.clone();
        withTie[1] = -withTie[0];
        double tied = new WilcoxonSignedRank(60).twoSidedP(withTie);
        assertThat(tied).isCloseTo(exact, within(0.03));
        assertThat(new WilcoxonSignedRank(8).twoSidedP(new double[8])).isEqualTo(1.0);
    }

    @Test
    void estimateIsTheMedianOfTheWalshAverages() {
        // Walsh averages of {1, 2, 9}: 1, 1.5, 2, 5, 5.5, 9 -> median (2 + 5) / 2
        assertThat(new WilcoxonSignedRank(3).shiftEstimate(new double[] {9, 1, 2})).isEqualTo(3.5);
    }

    @Test
    void intervalExcludesZeroExactlyWhenTheTestIsSignificant() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 400; trial++) {
            int n = 6 + random.nextInt(30);
            double[] d = normals(random, n, random.nextDouble() * 0.8);
            WilcoxonSignedRank test = new WilcoxonSignedRank(n);
            double[] interval = test.shiftInterval(d, 0.95);
            boolean excludesZero = interval[0] > 0 || interval[1] < 0;
            assertThat(excludesZero).as("n = %d, %s", n, Arrays.toString(d)).isEqualTo(test.twoSidedP(d) < 0.05);
        }
    }

    @Test
    void intervalCoversTheTrueCentreAboutNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(13);
        int covered = 0;
        int trials = 4000;
        for (int trial = 0; trial < trials; trial++) {
            double[] d = normals(random, 20, 0.05);
            double[] interval = new WilcoxonSignedRank(20).shiftInterval(d, 0.95);
            if (interval[0] <= 0.05 && 0.05 <= interval[1]) {
                covered++;
            }
        }
        // exact level of the 20-pair interval: 1 - 2 P(W+ <= 52) = 0.9586; 4000 trials give +-0.0063
        assertThat(covered / (double) trials).isBetween(0.945, 0.972);
    }

    @Test
    void tooFewPairsForTheConfidenceGiveNoInterval() {
        assertThat(new WilcoxonSignedRank(5).shiftInterval(new double[] {1, 2, 3, 4, 5}, 0.95)).isNull();
        assertThat(new WilcoxonSignedRank(6).shiftInterval(new double[] {1, 2, 3, 4, 5, 6}, 0.95))
                .containsExactly(1.0, 6.0);
    }

    @Test
    void wrongSizesAreRefused() {
        assertThatThrownBy(() -> new WilcoxonSignedRank(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WilcoxonSignedRank(3).twoSidedP(new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 3");
    }

    private static double[] normals(SplittableRandom random, int n, double mean) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            d[i] = mean + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
        return d;
    }

    /** Two-sided p by counting the 2^n sign patterns of the absolute differences' ranks. */
    private static double enumeratedTwoSidedP(double[] d) {
        int n = d.length;
        double observed = WilcoxonSignedRank.wPlus(d);
        double max = n * (n + 1) / 2.0;
        double extreme = Math.min(observed, max - observed);
        int atMost = 0;
        for (int signs = 0; signs < 1 << n; signs++) {
            int w = 0;
            for (int rank = 1; rank <= n; rank++) {
                if ((signs & 1 << (rank - 1)) != 0) {
                    w += rank;
                }
            }
            if (w <= extreme) {
                atMost++;
            }
        }
        return Math.min(1.0, 2.0 * atMost / (1 << n));
    }
}

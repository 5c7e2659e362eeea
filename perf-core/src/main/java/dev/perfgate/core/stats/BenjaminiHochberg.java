package dev.perfgate.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg adjusted p-values (q-values), controlling the false discovery rate when
 * many benchmarks are tested at once. A suite of 50 benchmarks tested at 0.05 each would
 * otherwise report a false regression in most runs.
 *
 * <p>Why not Bonferroni/Holm: they control the chance of any false alarm, and at hundreds of
 * benchmarks with 10 forks each they can no longer reach significance at all, so the gate would
 * go blind. The threshold (5%) is the second guard against small, significant-but-harmless changes.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /**
     * Adjusts p-values. NaN entries (no test) are ignored and stay NaN; they do not count towards
     * the number of tests.
     *
     * @return adjusted p-values in the input order, each in [0, 1]
     */
    public static double[] adjust(double[] pValues) {
        int[] tested = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).toArray();
        Integer[] order = Arrays.stream(tested).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = pValues.clone();
        int count = order.length;
        double running = 1.0;
        for (int rank = count; rank >= 1; rank--) {
            int index = order[rank - 1];
            running = Math.min(running, pValues[index] * count / rank);
            adjusted[index] = Math.min(1.0, running);
        }
        return adjusted;
    }
}

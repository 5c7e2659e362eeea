package dev.perfgate.core.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of doubles kept in a {@code double[]}: 8 bytes a value instead of a boxed
 * {@code Double} and a reference (about 24), which is what lets a results file of tens of thousands
 * of benchmarks, each with forks x iterations of several metrics, fit a small heap. Equal to any
 * list of the same values, like {@code List.of}; nulls are refused as {@code List.copyOf} does.
 */
final class DoubleList extends AbstractList<Double> implements RandomAccess {

    private final double[] values;

    private DoubleList(double[] values) {
        this.values = values;
    }

    /** An immutable copy of {@code list}. */
    static List<Double> copyOf(List<Double> list) {
        if (list instanceof DoubleList d) {
            return d;
        }
        double[] values = new double[list.size()];
        int i = 0;
        for (Double v : list) {
            values[i++] = Objects.requireNonNull(v, "sample value");
        }
        return new DoubleList(values);
    }

    @Override
    public Double get(int index) {
        return values[Objects.checkIndex(index, values.length)];
    }

    @Override
    public int size() {
        return values.length;
    }
}

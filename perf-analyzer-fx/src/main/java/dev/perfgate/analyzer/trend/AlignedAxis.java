package dev.perfgate.analyzer.trend;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.chart.ValueAxis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A manually ranged number axis whose major ticks sit on multiples of the tick unit (10, 20, 30
 * rather than 13, 23, 33; whole hours or days on a time axis) whatever its bounds, so that a
 * chart shows exactly the range the user zoomed to and still has round labels. (JavaFX's
 * {@code NumberAxis}, which is final, starts its ticks at the lower bound.)
 */
public final class AlignedAxis extends ValueAxis<Number> {

    private final DoubleProperty tickUnit = new SimpleDoubleProperty(this, "tickUnit", 1) {
        @Override
        protected void invalidated() {
            invalidateRange();
            requestAxisLayout();
        }
    };

    public AlignedAxis() {
        setAutoRanging(false);
        setMinorTickVisible(false);
    }

    /** Distance between major ticks, in axis units, > 0. */
    public double getTickUnit() {
        return tickUnit.get();
    }

    public void setTickUnit(double unit) {
        tickUnit.set(unit);
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        return getRange();
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] bounds = (double[]) range;
        setLowerBound(bounds[0]);
        setUpperBound(bounds[1]);
        currentLowerBound.set(bounds[0]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] bounds = (double[]) range;
        double lower = bounds[0];
        double upper = bounds[1];
        double unit = getTickUnit();
        List<Number> ticks = new ArrayList<>();
        if (!(unit > 0) || !(upper > lower) || (upper - lower) / unit > 1000) {
            return ticks;
        }
        for (double v = Math.ceil(lower / unit) * unit; v <= upper + unit * 1e-9; v += unit) {
            ticks.add(Math.abs(v) < unit * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        if (getTickLabelFormatter() != null) {
            return getTickLabelFormatter().toString(value);
        }
        int digits = Math.max(0, (int) -Math.floor(Math.log10(getTickUnit()) + 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(digits, 12) + "f", value.doubleValue());
    }
}

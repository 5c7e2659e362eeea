package dev.perfgate.analyzer.distribution;

import dev.perfgate.analyzer.compare.CompareViewModel;
import dev.perfgate.analyzer.compare.ComparisonLine;
import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Units;
import dev.perfgate.core.report.Text;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Distributions tab's state: for the benchmark metric selected in the comparison, the base's
 * and the current side's forks with their iterations, so that an outlier fork or a fork that
 * drifts (warms up or degrades across its iterations) shows. JMH records measurement iterations
 * only, so warm-up is visible only as drift inside the measured ones. A side that is a compacted
 * history run has no samples to draw; the tab says so, with its forks, iterations, score and error.
 */
public final class DistributionViewModel {

    private final CompareViewModel compare;
    private final ReadOnlyObjectWrapper<DistributionPlot> plot = new ReadOnlyObjectWrapper<>(this, "plot");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public DistributionViewModel(CompareViewModel compare) {
        this.compare = compare;
        compare.selection().addListener((ListChangeListener<ComparisonLine>) c -> update());
        compare.comparedProperty().addListener((obs, old, now) -> update());
        update();
    }

    /** What to draw; null when nothing is selected ({@link #messageProperty()} says what to do). */
    public ReadOnlyObjectProperty<DistributionPlot> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private void update() {
        CompareViewModel.Compared compared = compare.comparedProperty().get();
        if (compared == null) {
            show(null, "Compare a run with the baseline (Compare tab) and select a row to see its forks and "
                    + "iterations here.");
            return;
        }
        if (compare.selection().isEmpty()) {
            show(null, "Select a benchmark in the Compare tab to see the forks and iterations of both sides.");
            return;
        }
        ComparisonLine line = compare.selection().get(0);
        Optional<Measurement> base = measurement(compared.base(), line.id(), line.row());
        Optional<Measurement> current = measurement(compared.candidate(), line.id(), line.row());
        if (base.isEmpty() && current.isEmpty()) {
            show(null, "No per-fork samples for " + line.consoleLabel() + ".");
            return;
        }
        String unit = line.row().unit();
        List<DistributionPlot.Fork> forks = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        List<String> compacted = new ArrayList<>();
        base.flatMap(m -> Units.convert(m, unit)).ifPresent(m -> add(forks, summary, compacted,
                DistributionPlot.Side.BASE, m));
        current.flatMap(m -> Units.convert(m, unit)).ifPresent(m -> add(forks, summary, compacted,
                DistributionPlot.Side.CURRENT, m));
        if (forks.isEmpty()) {
            show(null, compacted.isEmpty()
                    ? "No per-fork samples for " + line.consoleLabel() + " (the base may be an old baseline that "
                    + "kept only its score)."
                    : "No per-fork samples for " + line.consoleLabel() + ": " + String.join("; ", compacted) + ".");
            return;
        }
        show(new DistributionPlot(line.consoleLabel(), unit, forks, summary), "");
    }

    /**
     * What a side whose history run was compacted ({@code perf-gate history compact}) still has, e.g.
     * "baseline: compacted run, per-fork samples dropped; 20 forks x 4 iterations, score 95.41
     * &plusmn; 0.9541 us/op".
     */
    private static String compacted(DistributionPlot.Side side, Measurement m) {
        return side.label() + ": compacted run, per-fork samples dropped; " + m.forkCount()
                + (m.forkCount() == 1 ? " fork" : " forks") + " x " + m.iterationsPerFork()
                + (m.iterationsPerFork() == 1 ? " iteration" : " iterations") + ", score " + Text.score(m.score())
                + (Double.isFinite(m.scoreError()) ? " \u00b1 " + Text.score(m.scoreError()) : "") + " " + m.unit();
    }

    private void show(DistributionPlot newPlot, String why) {
        plot.set(newPlot);
        message.set(why);
    }

    private static Optional<Measurement> measurement(List<BenchmarkResult> results, BenchmarkId id, ComparisonRow row) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst()
                .flatMap(r -> row.isPrimary() ? Optional.of(r.primary()) : Optional.ofNullable(r.secondary()
                        .get(row.metric())));
    }

    private static void add(List<DistributionPlot.Fork> out, List<String> summary, List<String> compacted,
                            DistributionPlot.Side side, Measurement m) {
        if (m.compacted()) {
            String what = compacted(side, m);
            compacted.add(what);
            summary.add(what);
            return;
        }
        double[] means = new double[m.forks().size()];
        for (int f = 0; f < means.length; f++) {
            means[f] = m.forks().get(f).stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).average()
                    .orElse(Double.NaN);
        }
        double[] fences = tukeyFences(means);
        int outliers = 0;
        for (int f = 0; f < means.length; f++) {
            boolean outlier = Double.isFinite(means[f]) && (means[f] < fences[0] || means[f] > fences[1]);
            outliers += outlier ? 1 : 0;
            out.add(new DistributionPlot.Fork(side, f + 1, m.forks().get(f), means[f], outlier));
        }
        if (means.length > 0) {
            double cv = m.forkCv();
            summary.add(side.label() + ": " + means.length + (means.length == 1 ? " fork" : " forks") + " x "
                    + m.iterationsPerFork() + " iterations, score " + Text.score(m.score()) + " " + m.unit()
                    + ", fork-to-fork variation " + (Double.isFinite(cv)
                    ? String.format(Locale.ROOT, "%.1f%%", cv * 100) : "n/a")
                    + (outliers > 0 ? ", " + outliers + (outliers == 1 ? " outlier fork" : " outlier forks") : ""));
        }
    }

    /** Tukey's fences (Q1 - 1.5 IQR, Q3 + 1.5 IQR); none (infinite) with fewer than 4 forks. */
    static double[] tukeyFences(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length < 4) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        double q1 = quantile(finite, 0.25);
        double q3 = quantile(finite, 0.75);
        double iqr = q3 - q1;
        return new double[] {q1 - 1.5 * iqr, q3 + 1.5 * iqr};
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}

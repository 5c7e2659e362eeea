package dev.perfgate.core.stats;

import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.RunSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * From a benchmark's calibration runs (A/A runs of unchanged code) to its variance components and
 * run plan: where its iterations settle ({@link #unsettledIterations}), the model fitted on the
 * settled iterations ({@link VarianceComponents}), and the plan ({@link RunPlanner}); or, when no
 * honest plan can be made, why not.
 *
 * <pre>{@code
 * RunPlans.Outcome outcome = RunPlans.of(RunPlanner.of(policy), runsOfOneBenchmark, 0.5, 0.05);
 * if (outcome.plan() != null) { ... } else { System.out.println(outcome.reason()); }
 * }</pre>
 */
public final class RunPlans {


    private RunPlans() {
    }

    /**
     * What the calibration says about one benchmark.
     *
     * @param model     the variance components fitted on its settled iterations, or null
     * @param plan      its plan, or null when none could be made
     * @param unsettled leading measurement iterations that were still warm-up (0 when settled; -1
     *                  when its iterations had not settled)
     * @param calibrationShape whether the plan keeps the calibration's iterations per fork and
     *                  iteration time and plans forks from the measured spread of fork means alone:
     *                  because the model could not split iteration from fork noise (lag-1 at
     *                  {@value VarianceComponents#MAX_LAG1}), or because that plan beats the model's
     *                  ({@link #preferMeasured})
     * @param reason    why there is no plan; empty when there is one
     */
    public record Outcome(VarianceComponents model, RunPlan plan, int unsettled, boolean calibrationShape,
                          String reason) {
        public Outcome {
            if ((plan == null) == reason.isEmpty()) {
                throw new IllegalArgumentException("an outcome has a plan or a reason, not both or neither");
            }
            if (calibrationShape && plan == null) {
                throw new IllegalArgumentException("only a plan can keep the calibration's shape");
            }
        }

        static Outcome none(VarianceComponents model, int unsettled, String reason) {
            return new Outcome(model, null, unsettled, false, reason);
        }
    }

    /**
     * Plans one benchmark from its calibration runs.
     *
     * @param planner         the planner (alpha, power, fork cap)
     * @param runs            the benchmark's result in each calibration run, all with the same settings
     * @param forkCostSeconds wall time of a fork beyond its iterations, >= 0
     * @param threshold       relative change to decide, e.g. 0.05
     */
    public static Outcome of(RunPlanner planner, List<BenchmarkResult> runs, double forkCostSeconds,
                             double threshold) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must not be empty");
        }
        BenchmarkResult first = runs.get(0);
        if (first.id().mode() == Mode.SINGLE_SHOT) {
            return Outcome.none(null, 0, "single-shot benchmarks measure one invocation per iteration; not planned");
        }
        RunSettings settings = first.settings();
        boolean sameSettings = runs.stream().map(BenchmarkResult::settings).allMatch(s ->
                s.warmupIterations() == settings.warmupIterations() && s.warmupTime().equals(settings.warmupTime())
                        && s.measurementTime().equals(settings.measurementTime()));
        if (!sameSettings) {
            return Outcome.none(null, 0, "the calibration runs used different warm-up or iteration times; calibrate "
                    + "from runs of one profile");
        }
        if (settings.measurementTime().isZero()) {
            return Outcome.none(null, 0, "the results do not say their iteration time");
        }
        List<Measurement> measurements = runs.stream().map(BenchmarkResult::primary).toList();
        int unsettled = unsettledIterations(measurements);
        if (unsettled < 0) {
            return Outcome.none(null, unsettled, "its measured iterations had not settled (a first iteration far "
                    + "off the rest however many were left out); calibrate with more warm-up iterations");
        }
        List<Measurement> settled = measurements.stream().map(m -> withoutLeading(m, unsettled)).toList();
        VarianceComponents model;
        try {
            model = VarianceComponents.of(settled);
        } catch (IllegalArgumentException e) {
            return Outcome.none(null, unsettled, e.getMessage());
        }
        RunPlanner.Calibration calibration = RunPlanner.Calibration.of(settings.warmupIterations(),
                settings.warmupTime(), settings.measurementTime(), unsettled);
        // What was measured directly is the spread of fork means of the calibration's shape; the model
        // extrapolates to other shapes. Iterations that move together this much cannot be told apart
        // from fork-to-fork noise with forks this short, and an AR(1) extrapolation would plan on an
        // iteration noise the data do not show: plan forks of this shape from the measured spread.
        RunPlan measured = planner.plan(VarianceComponents.atCalibrationShape(settled), calibration, forkCostSeconds,
                threshold);
        if (model.iterationLag1() >= VarianceComponents.MAX_LAG1) {
            return new Outcome(model, measured, unsettled, true, "");
        }
        RunPlan modelled = planner.plan(model, calibration, forkCostSeconds, threshold);
        boolean useMeasured = preferMeasured(measured, modelled, threshold);
        return new Outcome(model, useMeasured ? measured : modelled, unsettled, useMeasured, "");
    }

    /**
     * Whether forks of the calibration's shape, planned from the spread of fork means the calibration
     * measured, beat the model's plan: the one that decides the threshold when only one does, else the
     * cheaper (the model's on a tie). Where the model attributes to the iterations more variance than
     * the fork means show (its fork component then clamped at 0), its plan for the calibration's own
     * shape expects more noise than was measured, and a shape it extrapolates to can cost more than
     * the measured shape needs.
     */
    static boolean preferMeasured(RunPlan measured, RunPlan modelled, double threshold) {
        if (measured.decides(threshold) != modelled.decides(threshold)) {
            return measured.decides(threshold);
        }
        return measured.expectedSeconds() < modelled.expectedSeconds();
    }

    /** E.g. {@code iterations 5.1% (lag-1 0.48), fork component 3.6%}. */
    public static String describe(VarianceComponents model) {
        return String.format(Locale.ROOT, "iterations %s (lag-1 %s), fork component %.1f%%",
                Double.isNaN(model.iterationLogSd()) ? "-" : String.format(Locale.ROOT, "%.1f%%",
                        model.iterationLogSd() * 100),
                Double.isNaN(model.iterationLag1()) ? "-" : String.format(Locale.ROOT, "%.2f", model.iterationLag1()),
                model.forkComponentLogSd() * 100);
    }

    /**
     * How many leading measurement iterations of the calibration's forks were still warm-up: the
     * fewest whose removal from every fork leaves a settled measurement, judged by {@link Settling}
     * over the forks of all the runs (no first iteration far off the rest, no trend through the
     * iterations). 0 when the calibration started settled; -1 when no number of left-out
     * iterations settles it.
     *
     * @param runs the calibration's runs of one benchmark
     */
    public static int unsettledIterations(List<Measurement> runs) {
        // One settling judgement over every fork of every run: the rules of Settling, whose cut is the warm-up.
        List<List<Double>> forks = runs.stream().flatMap(m -> m.forks().stream()).toList();
        return Settling.of(new Measurement(runs.get(0).unit(), Double.NaN, Double.NaN, forks), 0).settledFrom();
    }

    /** A copy of a measurement without each fork's first {@code drop} iterations. */
    public static Measurement withoutLeading(Measurement m, int drop) {
        if (drop < 0) {
            throw new IllegalArgumentException("drop must be >= 0 but was " + drop);
        }
        return new Measurement(m.unit(), m.score(), m.scoreError(), m.forks().stream()
                .map(f -> f.subList(Math.min(drop, f.size()), f.size())).toList());
    }


}

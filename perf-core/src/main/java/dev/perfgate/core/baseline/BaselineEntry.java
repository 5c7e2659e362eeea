package dev.perfgate.core.baseline;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.stats.Noise;
import dev.perfgate.core.stats.RunPlan;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark's reviewed reference value, with the per-fork evidence the statistics need.
 *
 * @param id           the benchmark
 * @param primary      the primary metric with per-fork samples
 * @param allocation   bytes per operation ({@code gc.alloc.rate.norm}) when measured, else null
 * @param thresholdPct this benchmark's own regression threshold in percent, or null for the default
 * @param approval     who approved it and why
 * @param noise        the noise {@code perf-gate calibrate} measured, or null when not calibrated
 * @param plan         how to run this benchmark ({@code --profile calibrated}), planned by
 *                     {@code perf-gate calibrate} from the noise; null when none
 */
public record BaselineEntry(BenchmarkId id, Measurement primary, Measurement allocation, Double thresholdPct,
                            Approval approval, Noise noise, RunPlan plan) {

    /** An entry without a run plan. */
    public BaselineEntry(BenchmarkId id, Measurement primary, Measurement allocation, Double thresholdPct,
                         Approval approval, Noise noise) {
        this(id, primary, allocation, thresholdPct, approval, noise, null);
    }

    /** An entry without calibrated noise. */
    public BaselineEntry(BenchmarkId id, Measurement primary, Measurement allocation, Double thresholdPct,
                         Approval approval) {
        this(id, primary, allocation, thresholdPct, approval, null, null);
    }

    public BaselineEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(approval, "approval");
        if (thresholdPct != null) {
            dev.perfgate.core.stats.GatePolicy.checkThreshold(thresholdPct);
        }
    }

    /** This entry with calibrated noise. */
    public BaselineEntry withNoise(Noise calibrated) {
        return new BaselineEntry(id, primary, allocation, thresholdPct, approval, calibrated, plan);
    }

    /** This entry with a run plan (null: none). */
    public BaselineEntry withPlan(RunPlan runPlan) {
        return new BaselineEntry(id, primary, allocation, thresholdPct, approval, noise, runPlan);
    }

    /** Bytes per operation, when the baseline run measured them. */
    public Optional<Measurement> allocationMeasurement() {
        return Optional.ofNullable(allocation);
    }

    /** This entry as a benchmark result, for comparison with a run. */
    public BenchmarkResult asResult() {
        Map<String, Measurement> secondary = allocation == null ? Map.of()
                : Map.of(BenchmarkResult.ALLOCATION_METRIC, allocation);
        RunSettings settings = new RunSettings("", "", "", "", "", null, 1, primary.forkCount(), 0,
                primary.iterationsPerFork());
        return new BenchmarkResult(id, primary, secondary, settings);
    }
}

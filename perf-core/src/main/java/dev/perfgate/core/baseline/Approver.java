package dev.perfgate.core.baseline;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.stats.Settling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a run's results into a new baseline: the selected benchmarks take the run's values with
 * an approval record; every other entry stays exactly as it was. A baseline must be stable, so
 * benchmarks whose fork-to-fork variation is above {@code maxNoisePct} (or that cannot show it,
 * having one fork) are reported by {@link #noisy} and the caller refuses them unless told otherwise.
 * A baseline must also measure the code rather than its warm-up: benchmarks whose measured
 * iterations had not settled are reported by {@link #unsettled}, to be refused the same way.
 */
public final class Approver {

    /** Default limit on the fork-to-fork coefficient of variation of an approved benchmark, in percent. */
    public static final double DEFAULT_MAX_NOISE_PCT = 5.0;

    private final double maxNoisePct;

    /** @param maxNoisePct largest accepted fork-to-fork coefficient of variation in percent, > 0 */
    public Approver(double maxNoisePct) {
        if (!(maxNoisePct > 0)) {
            throw new IllegalArgumentException("maxNoisePct must be > 0 but was " + maxNoisePct);
        }
        this.maxNoisePct = maxNoisePct;
    }

    /** The results selected by {@code only} (all when null), in identity order. */
    public static List<BenchmarkResult> select(List<BenchmarkResult> results, Pattern only) {
        return results.stream()
                .filter(r -> only == null || only.matcher(r.id().display()).find()
                        || only.matcher(r.id().name()).find())
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    /**
     * Benchmarks too noisy to approve, with a sentence each: e.g. {@code "...: fork-to-fork
     * variation 7.3% exceeds 5%"}. Empty when all are stable.
     */
    public Map<BenchmarkId, String> noisy(List<BenchmarkResult> selected) {
        Map<BenchmarkId, String> out = new LinkedHashMap<>();
        for (BenchmarkResult r : selected) {
            double cv = r.primary().forkCv();
            if (Double.isNaN(cv)) {
                out.put(r.id(), "only " + r.primary().forkCount()
                        + " fork: its fork-to-fork variation is unknown (run at least 2 forks)");
            } else if (cv * 100 > maxNoisePct) {
                out.put(r.id(), String.format(Locale.ROOT, "fork-to-fork variation %.1f%% exceeds %s%%",
                        cv * 100, formatPct(maxNoisePct)));
            }
        }
        return out;
    }

    /**
     * Benchmarks whose measured iterations had not settled ({@link Settling}), with a sentence each
     * saying what and what to change: e.g. {@code "fork 2's first measured iteration is 3195x the
     * median of its other iterations (4121 vs 1.290 us/op); raise --warmup-iterations from 2 to at
     * least 3"}. Empty when all settled.
     */
    public static Map<BenchmarkId, String> unsettled(List<BenchmarkResult> selected) {
        Map<BenchmarkId, String> out = new LinkedHashMap<>();
        for (BenchmarkResult r : selected) {
            Settling.Result settling = Settling.of(r);
            if (!settling.settled()) {
                out.put(r.id(), settling.describe() + "; " + settling.advice());
            }
        }
        return out;
    }

    private static String formatPct(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * The new baselines: {@code current} (if any) with the selected results approved into the entry
     * set of the run's host class (a new set when there is none yet); the other classes' sets stay
     * as they are. A run without a host identity (recorded before perf-gate recorded host classes)
     * goes into the set of unknown class.
     *
     * @param current  the existing baselines, if any
     * @param run      the run the results come from (platform, fingerprint, host, commit, id)
     * @param selected the results to approve, from {@link #select}
     * @param approval who, when, why
     */
    public BaselineFile approve(Optional<BaselineFile> current, Run run, List<BenchmarkResult> selected,
                                Approval approval) {
        Optional<Baseline> set = current.flatMap(f -> run.host() == null ? f.unknownClass() : f.forHost(run.host()));
        Map<BenchmarkId, BaselineEntry> entries = new LinkedHashMap<>();
        set.ifPresent(b -> b.entries().forEach(e -> entries.put(e.id(), e)));
        for (BenchmarkResult r : selected) {
            // A new value keeps the benchmark's own threshold, its calibrated noise and its run plan.
            Optional<BaselineEntry> old = Optional.ofNullable(entries.get(r.id()));
            entries.put(r.id(), new BaselineEntry(r.id(), r.primary(), r.allocation().orElse(null),
                    old.map(BaselineEntry::thresholdPct).orElse(null), approval,
                    old.map(BaselineEntry::noise).orElse(null), old.map(BaselineEntry::plan).orElse(null)));
        }
        Baseline updated = new Baseline(run.platform(), run.host(), run.fingerprint(), approval.approvedAt(),
                new ArrayList<>(entries.values()));
        return current.map(f -> f.with(updated)).orElseGet(() -> BaselineFile.of(updated));
    }
}

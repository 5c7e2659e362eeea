package dev.perfgate.core.gate;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Units;
import dev.perfgate.core.stats.AllocationRule;
import dev.perfgate.core.stats.BenjaminiHochberg;
import dev.perfgate.core.stats.Decision;
import dev.perfgate.core.stats.DecisionRule;
import dev.perfgate.core.stats.ForkEvidence;
import dev.perfgate.core.stats.GatePolicy;
import dev.perfgate.core.stats.Noise;
import dev.perfgate.core.stats.Settling;
import dev.perfgate.core.stats.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a candidate's results with a base's (a baseline or another run), benchmark by
 * benchmark: the primary metric through the {@link DecisionRule} with Benjamini-Hochberg control
 * across all benchmarks, and bytes per operation through the {@link AllocationRule} when both
 * sides measured them.
 *
 * <p>A primary metric whose measured iterations had not settled on either side ({@link Settling})
 * is inconclusive, with a note naming the side, the forks and what to change: a difference made by
 * warm-up is no regression or improvement of the code. It is left out of the multiple-comparison
 * control, as no test is made of it.
 *
 * <pre>{@code
 * GateReport report = new Gate(GatePolicy.DEFAULT).compare(baseline.asResults(), run, baseline.thresholds());
 * if (report.fails()) { ... }
 * }</pre>
 */
public final class Gate {

    private static final double CONFIDENCE = 0.95;

    private final GatePolicy policy;
    private final DecisionRule decisionRule;
    private final AllocationRule allocationRule;
    private final boolean paired;

    public Gate(GatePolicy policy) {
        this(policy, false);
    }

    private Gate(GatePolicy policy, boolean paired) {
        this.policy = policy;
        this.decisionRule = new DecisionRule(policy);
        this.allocationRule = new AllocationRule(policy);
        this.paired = paired;
    }

    /**
     * A gate for forks made in pairs, such as a same-machine A/B's interleaved fork pairs: each
     * benchmark's fork i of the candidate is compared with its fork i of the base
     * ({@link ForkEvidence#paired}), so both sides must list a benchmark's forks in pair order, as
     * many on each side.
     */
    public static Gate paired(GatePolicy policy) {
        return new Gate(policy, true);
    }

    /**
     * Compares.
     *
     * @param base       the reference results
     * @param candidate  the results under test
     * @param thresholds per-benchmark thresholds in percent overriding the policy's default
     */
    public GateReport compare(List<BenchmarkResult> base, List<BenchmarkResult> candidate,
                              Map<BenchmarkId, Double> thresholds) {
        return compare(base, candidate, thresholds, Map.of());
    }

    /**
     * Compares, with the calibrated noise of the benchmarks that have it: a difference must also
     * stand out from the calibrated run-to-run shift to count as significant (a regression within it
     * is inconclusive), and the notes say how many more forks would decide an inconclusive result.
     *
     * @param base       the reference results
     * @param candidate  the results under test
     * @param thresholds per-benchmark thresholds in percent overriding the policy's default
     * @param noise      per-benchmark calibrated noise (from the baseline)
     */
    public GateReport compare(List<BenchmarkResult> base, List<BenchmarkResult> candidate,
                              Map<BenchmarkId, Double> thresholds, Map<BenchmarkId, Noise> noise) {
        Map<BenchmarkId, BenchmarkResult> baseById = new LinkedHashMap<>();
        base.forEach(r -> baseById.put(r.id(), r));
        List<BenchmarkResult> sortedCandidate = candidate.stream()
                .sorted(Comparator.comparing(BenchmarkResult::id)).toList();

        List<Pending> pending = new ArrayList<>();
        for (BenchmarkResult cur : sortedCandidate) {
            double threshold = thresholds.getOrDefault(cur.id(), policy.thresholdPct());
            BenchmarkResult ref = baseById.remove(cur.id());
            pending.add(primary(ref, cur, threshold));
            if (ref != null) {
                allocation(ref, cur).ifPresent(pending::add);
            }
        }
        for (BenchmarkResult missing : baseById.values()) {
            Measurement m = missing.primary();
            pending.add(new Pending(new ComparisonRow(missing.id(), ComparisonRow.PRIMARY, m.unit(), m.score(),
                    Double.NaN, thresholds.getOrDefault(missing.id(), policy.thresholdPct()),
                    Decision.of(Verdict.MISSING, "in the baseline but not in this run")), null));
        }

        // With a calibrated run-to-run shift, a difference must also stand out from that drift.
        double[] raw = pending.stream().mapToDouble(p -> p.evidence == null ? Double.NaN
                : Math.max(p.evidence.pValue(), driftP(p.evidence, noise.get(p.row.id())))).toArray();
        double[] adjusted = BenjaminiHochberg.adjust(raw);
        List<ComparisonRow> rows = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (p.evidence == null) {
                rows.add(p.row);
            } else {
                Decision decision = decisionRule.decide(p.evidence, adjusted[i], p.row.thresholdPct(),
                        noise.get(p.row.id()));
                rows.add(new ComparisonRow(p.row.id(), p.row.metric(), p.row.unit(), p.row.baseline(),
                        p.row.current(), p.row.thresholdPct(), decision));
            }
        }
        rows.sort(Comparator.comparing(ComparisonRow::id)
                .thenComparing(r -> r.isPrimary() ? "" : r.metric()));
        return new GateReport("", policy.thresholdPct(), rows, List.of(), "");
    }

    private static double driftP(ForkEvidence evidence, Noise calibrated) {
        return calibrated == null ? 0 : calibrated.driftP(evidence.logShift(), evidence.baseForks(),
                evidence.candidateForks());
    }

    /** A row whose decision may still wait for the multiple-comparison adjustment. */
    private record Pending(ComparisonRow row, ForkEvidence evidence) {
    }

    private Pending primary(BenchmarkResult ref, BenchmarkResult cur, double threshold) {
        Measurement c = cur.primary();
        if (ref == null) {
            return new Pending(new ComparisonRow(cur.id(), ComparisonRow.PRIMARY, c.unit(), Double.NaN, c.score(),
                    threshold, Decision.of(Verdict.NEW, "not in the baseline yet")), null);
        }
        Measurement b = ref.primary();
        Optional<Measurement> converted = Units.convert(c, b.unit());
        if (converted.isEmpty()) {
            return new Pending(new ComparisonRow(cur.id(), ComparisonRow.PRIMARY, c.unit(), b.score(), c.score(),
                    threshold, Decision.of(Verdict.INCONCLUSIVE, "unit changed from " + b.unit() + " to "
                    + c.unit() + "; approve a new baseline")), null);
        }
        c = converted.get();
        ComparisonRow row = new ComparisonRow(cur.id(), ComparisonRow.PRIMARY, b.unit(), b.score(), c.score(),
                threshold, Decision.of(Verdict.INCONCLUSIVE, ""));
        double[] baseForks = b.forkMeans();
        double[] curForks = c.forkMeans();
        if (baseForks.length == 0 || curForks.length == 0) {
            return new Pending(withDecision(row, Decision.of(Verdict.INCONCLUSIVE,
                    "no per-fork samples on the " + (baseForks.length == 0 ? "base" : "current")
                            + " side: nothing to test")), null);
        }
        if (!allPositive(baseForks) || !allPositive(curForks)) {
            return new Pending(withDecision(row, Decision.of(Verdict.INCONCLUSIVE,
                    "scores of zero or below cannot be compared as ratios")), null);
        }
        Settling.Result baseSettling = Settling.of(ref);
        Settling.Result curSettling = Settling.of(cur);
        if (!baseSettling.settled() || !curSettling.settled()) {
            return new Pending(withDecision(row, Decision.of(Verdict.INCONCLUSIVE,
                    unsettledNote(baseSettling, curSettling))), null);
        }
        ForkEvidence evidence = paired
                ? ForkEvidence.paired(baseForks, curForks, b.direction(), CONFIDENCE, policy.alpha())
                : ForkEvidence.of(baseForks, curForks, b.direction(), CONFIDENCE, policy.alpha());
        return new Pending(row, evidence);
    }

    /** Which side had not settled, where, and what to change; see {@link Settling}. */
    private static String unsettledNote(Settling.Result base, Settling.Result current) {
        String baseline = " (a stored baseline: approve it again from a settled run)";
        String note;
        if (!base.settled() && !current.settled()) {
            note = "neither side had settled: base: " + base.describe() + "; current: " + current.describe() + "; "
                    + current.advice() + ", for the base too" + baseline;
        } else if (!base.settled()) {
            note = "the base had not settled: " + base.describe() + "; " + base.advice() + " when measuring it again"
                    + baseline;
        } else {
            note = "the current run had not settled: " + current.describe() + "; " + current.advice();
        }
        return note + ". No verdict from warm-up";
    }

    private Optional<Pending> allocation(BenchmarkResult ref, BenchmarkResult cur) {
        Optional<Measurement> b = ref.allocation();
        Optional<Measurement> c = cur.allocation();
        if (b.isEmpty() || c.isEmpty()) {
            return Optional.empty();
        }
        Decision decision = allocationRule.decide(b.get().forkMeans(), c.get().forkMeans());
        return Optional.of(new Pending(new ComparisonRow(cur.id(), BenchmarkResult.ALLOCATION_METRIC,
                b.get().unit(), b.get().score(), c.get().score(), policy.allocationTolerancePct(), decision), null));
    }

    private static ComparisonRow withDecision(ComparisonRow row, Decision decision) {
        return new ComparisonRow(row.id(), row.metric(), row.unit(), row.baseline(), row.current(),
                row.thresholdPct(), decision);
    }

    private static boolean allPositive(double[] values) {
        for (double v : values) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }
}

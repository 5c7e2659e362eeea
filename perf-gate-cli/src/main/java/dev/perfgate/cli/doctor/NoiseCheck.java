package dev.perfgate.cli.doctor;

import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.stats.ForkEvidence;
import dev.perfgate.core.stats.GatePolicy;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The check {@code noise}: how much a short fixed CPU kernel varies on this host from one JVM to
 * the next, as forks do. The speed probe's dependent integer chain ({@code scalar_chain}, see
 * {@link HostSpeed}) runs in several fresh benchmark JVMs; the coefficient of variation of their
 * medians is the host's noise floor: a benchmark's forks vary at least this much here. The verdict
 * is what that floor leaves of the gate: the smallest change the standard profile's forks detect at
 * this noise alone ({@link ForkEvidence#minDetectableChange}), against the threshold.
 */
public final class NoiseCheck {

    /** The probe measured: a CPU kernel that neither memory nor vector width decides. */
    public static final String PROBE = "scalar_chain";

    private NoiseCheck() {
    }

    /**
     * @param runs   the probe's result in each JVM, at least 2
     * @param forks  forks per side of the standard profile, e.g. 20
     * @param policy the gate's threshold, alpha and power
     */
    public static Finding of(List<HostSpeed> runs, int forks, GatePolicy policy) {
        DescriptiveStatistics medians = new DescriptiveStatistics();
        DescriptiveStatistics logs = new DescriptiveStatistics();
        DescriptiveStatistics within = new DescriptiveStatistics();
        for (HostSpeed run : runs) {
            HostSpeed.Probe probe = run.probes().get(PROBE);
            if (probe != null) {
                medians.addValue(probe.nanos());
                logs.addValue(Math.log(probe.nanos()));
                within.addValue(probe.spread());
            }
        }
        if (medians.getN() < 2) {
            return new Finding("noise", Status.FAIL, "the speed probe gave " + medians.getN() + " results of "
                    + runs.size() + " runs", "see whether the benchmark JVM starts (check java)");
        }
        double cv = medians.getStandardDeviation() / medians.getMean();
        double detectable = ForkEvidence.minDetectableChange(logs.getStandardDeviation(), forks, forks,
                policy.alpha(), policy.power());
        double threshold = policy.thresholdPct() / 100;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("probe", PROBE);
        details.put("jvms", medians.getN());
        details.put("ns_per_step", medians.getValues());
        details.put("cv", cv);
        details.put("within_jvm_spread", within.getPercentile(50));
        details.put("detectable_change", detectable);
        details.put("threshold", threshold);
        String text = String.format(Locale.ROOT, "%s kernel in %d JVMs: CV %.1f%% (median spread within a JVM %.1f%%); "
                        + "at this noise alone %d forks a side detect %.1f%%, the %s%% gate needs %s%% or less",
                PROBE, medians.getN(), cv * 100, within.getPercentile(50) * 100, forks, detectable * 100,
                number(policy.thresholdPct()), number(policy.thresholdPct()));
        if (detectable > threshold) {
            return new Finding("noise", Status.FAIL, text, "this host varies more than the gate allows: see cpu-load and "
                    + "cpu-frequency, benchmark on a quieter machine, or compare on one machine with perf-gate ab", details);
        }
        if (detectable > threshold / 2) {
            return new Finding("noise", Status.WARN, text, "little is left for the benchmarks' own noise: expect "
                    + "inconclusive verdicts; see cpu-load and cpu-frequency", details);
        }
        return new Finding("noise", Status.OK, text, "", details);
    }

    /** The finding when the probe JVM fails (then the benchmark JVM most likely fails too). */
    public static Finding notRunning(IOException problem) {
        return new Finding("noise", Status.FAIL, "the speed probe did not run in the benchmark JVM: "
                + problem.getMessage(), "see the java and jvm-flags checks");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}

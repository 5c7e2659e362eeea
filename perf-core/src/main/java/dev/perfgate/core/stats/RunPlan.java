package dev.perfgate.core.stats;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to run one benchmark so that the gate decides its threshold in the least runner time, chosen
 * by {@link RunPlanner} from the benchmark's {@link VarianceComponents} and stored with its baseline
 * entry by {@code perf-gate calibrate}; {@code --profile calibrated} runs it.
 *
 * <pre>{@code
 * RunPlan plan = new RunPlan(12, 3, 2, Duration.ofSeconds(1), 0.031, 0.5, 78.0, 0.047);
 * // JMH: -f 12 -wi 3 -w 1s -i 2 -r 1s
 * }</pre>
 *
 * @param forks            forks per side, >= 1
 * @param warmupIterations warm-up iterations per fork, >= 0
 * @param iterations       measurement iterations per fork, >= 1
 * @param iterationTime    time of each warm-up and measurement iteration, positive, whole microseconds
 * @param forkLogSd        the standard deviation of ln(fork mean) a fork of this plan is expected to
 *                         have ({@link VarianceComponents#forkMeanVariance}), >= 0: the fork noise the
 *                         gate should expect of runs made with this plan
 * @param forkCostSeconds  wall time a fork costs beyond its iterations (JVM start, JMH's set-up), in
 *                         seconds, >= 0, as the plan was costed with
 * @param expectedSeconds  expected runner time per side: {@code forks * (forkCost + (warm-up +
 *                         iterations) * iterationTime)}, in seconds, >= 0
 * @param detects          the smallest relative change these forks detect at the planner's alpha and
 *                         power (0.047 = 4.7%); above the threshold when the threshold cannot be
 *                         decided within the planner's fork cap
 */
public record RunPlan(int forks, int warmupIterations, int iterations, Duration iterationTime, double forkLogSd,
                      double forkCostSeconds, double expectedSeconds, double detects) {

    private static final Pattern JMH_TIME = Pattern.compile("(\\d+) ?(ns|us|ms|s|m|min|hr)");

    public RunPlan {
        Objects.requireNonNull(iterationTime, "iterationTime");
        if (forks < 1 || warmupIterations < 0 || iterations < 1) {
            throw new IllegalArgumentException("forks and iterations must be >= 1 and warm-up iterations >= 0 but "
                    + "were " + forks + ", " + iterations + " and " + warmupIterations);
        }
        if (iterationTime.isNegative() || iterationTime.isZero() || iterationTime.toNanos() % 1000 != 0) {
            throw new IllegalArgumentException("iterationTime must be a positive whole number of microseconds but "
                    + "was " + iterationTime);
        }
        if (!(forkLogSd >= 0) || Double.isInfinite(forkLogSd)) {
            throw new IllegalArgumentException("forkLogSd must be finite and >= 0 but was " + forkLogSd);
        }
        if (!(forkCostSeconds >= 0) || Double.isInfinite(forkCostSeconds)
                || !(expectedSeconds >= 0) || Double.isInfinite(expectedSeconds)) {
            throw new IllegalArgumentException("fork cost and expected time must be finite and >= 0 seconds but "
                    + "were " + forkCostSeconds + " and " + expectedSeconds);
        }
        if (!(detects > 0)) {
            throw new IllegalArgumentException("detects must be > 0 but was " + detects);
        }
    }

    /** Whether this plan decides a threshold given as a fraction (0.05 for 5%). */
    public boolean decides(double threshold) {
        // The plan's own rounding (whole forks) never leaves it short; stored plans are rounded to 6 digits.
        return detects <= threshold * (1 + 1e-6);
    }

    /** The iteration time in JMH's syntax, e.g. {@code 1s}, {@code 250ms}, {@code 1500us}. */
    public String jmhIterationTime() {
        return jmhTime(iterationTime);
    }

    /** The JMH arguments of this plan: {@code -f F -wi W -w T -i I -r T}. */
    public java.util.List<String> jmhArguments() {
        String time = jmhIterationTime();
        return java.util.List.of("-f", String.valueOf(forks), "-wi", String.valueOf(warmupIterations), "-w", time,
                "-i", String.valueOf(iterations), "-r", time);
    }

    /** A duration of whole microseconds in JMH's syntax: the largest of s, ms, us that keeps it whole. */
    public static String jmhTime(Duration time) {
        long micros = time.toNanos() / 1000;
        if (micros % 1_000_000 == 0) {
            return micros / 1_000_000 + "s";
        }
        if (micros % 1000 == 0) {
            return micros / 1000 + "ms";
        }
        return micros + "us";
    }

    /**
     * Parses a time as JMH writes it ({@code "1 s"}, {@code "100 ms"}) or as its command line takes
     * it ({@code 1s}, {@code 100ms}).
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static Duration parseJmhTime(String text) {
        Matcher m = JMH_TIME.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a JMH time: '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(n);
            case "us" -> Duration.ofNanos(n * 1000);
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** This plan with other forks: its expected time scaled, the rest as it is. */
    public RunPlan withForks(int otherForks) {
        return new RunPlan(otherForks, warmupIterations, iterations, iterationTime, forkLogSd, forkCostSeconds,
                expectedSeconds / forks * otherForks, detects);
    }

    /** E.g. {@code 12 forks x (3 + 2 x 1s), 78 s per side, detects 4.7%}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d forks x (%d + %d x %s), %s per side, detects %.1f%%", forks,
                warmupIterations, iterations, jmhIterationTime(), seconds(expectedSeconds), detects * 100);
    }

    private static String seconds(double s) {
        return s < 120 ? String.format(Locale.ROOT, "%.0f s", s)
                : String.format(Locale.ROOT, "%.1f min", s / 60);
    }
}

package dev.perfgate.core.stats;

import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Direction;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a benchmark's measurement iterations had settled: JIT compilation, class loading and
 * caches finished in warm-up, so that the measured iterations describe the code and not its
 * warm-up. A fork whose first measured iteration reads 4,121 us/op against 1.2-1.4 us/op for the
 * rest measured warm-up; its mean is no sample of the benchmark. Two rules, in logs (so they do not
 * depend on the unit), each chosen not to flag ordinary iteration noise: the bundled kernels vary
 * by about 5% (coefficient of variation) from iteration to iteration inside a fork, with a lag-1
 * autocorrelation of about 0.5.
 *
 * <ol>
 *   <li><b>A first iteration far off.</b> For each fork with at least 3 iterations, the first
 *   iteration against the fork's other iterations. It is off when it lies beyond all of them (above
 *   the highest or below the lowest) by a factor of at least {@value #FIRST_FACTOR} <em>and</em> by
 *   at least {@value #FIRST_SPREADS} robust standard deviations of the benchmark's iteration noise;
 *   beyond all, so that with few iterations one odd later iteration cannot make the first look off.
 *   The report gives its factor to the median of the others. That
 *   noise is measured on the iterations after the first only, so a bad first iteration cannot hide
 *   itself: each of them against the median of the fork's other later iterations, pooled over the
 *   forks, 1.4826 times the median absolute value. One fork is enough.</li>
 *   <li><b>A trend.</b> Iterations still getting faster (or slower) through the measurement. Judged
 *   across forks, not within one: per fork, the least-squares slope of ln(value) over the
 *   iteration index (leaving out a first iteration rule 1 flagged, which already explains its
 *   fork's slope); across the forks (at least 3 with at least 2 iterations), a two-sided
 *   one-sample t test of those slopes against 0. Forks are independent, so the test's spread comes
 *   from the forks themselves and stays valid whatever the autocorrelation inside a fork (for
 *   Gaussian stationary noise it is exact). A trend counts when p is below {@value #TREND_ALPHA}
 *   <em>and</em> the median slope moves the iterations by at least {@value #TREND_MIN_DRIFT} (10%)
 *   from the first to the last measured iteration: smaller drifts are within what the gate's
 *   threshold absorbs.</li>
 * </ol>
 *
 * <p>Measured on seeded AR(1) noise (lag-1 autocorrelation 0.5, 3 to 20 forks of 3 to 10
 * iterations, 40,000 benchmarks per level), the two rules together flag 2 benchmarks in 40,000 at 5%
 * iteration noise (0.005%) and 19 at 10% (0.048%); see {@code SettlingTest}. Where the iterations
 * settle is estimated by dropping the first 1, 2, ... measured iterations of every fork until both
 * rules pass; the advice is to add that many warm-up iterations (and, when no number of dropped
 * iterations is enough, as many as were measured, or longer iterations). Single-shot benchmarks ({@code ss}) are not judged: they often measure cold starts
 * on purpose.
 *
 * <pre>{@code
 * Settling.Result settling = Settling.of(result);
 * if (!settling.settled()) {
 *     System.out.println(settling.describe() + "; " + settling.advice());
 * }
 * }</pre>
 */
public final class Settling {

    /** Smallest factor between a first iteration and the nearest other iteration of its fork that counts as far off. */
    public static final double FIRST_FACTOR = 1.5;
    /** Robust standard deviations of the iteration noise a first iteration must be off by, too. */
    public static final double FIRST_SPREADS = 6;
    /** Significance level of the trend test across forks. */
    public static final double TREND_ALPHA = 0.001;
    /** Smallest drift from the first to the last measured iteration that counts as a trend (10%). */
    public static final double TREND_MIN_DRIFT = 0.10;

    /** 1 / Phi^-1(3/4): turns a median absolute deviation into a standard deviation under normality. */
    private static final double MAD_TO_SD = 1.4826;

    private Settling() {
    }

    /**
     * A fork whose first measured iteration is far off the rest of it.
     *
     * @param fork       the fork's number, from 1
     * @param first      the first measured iteration's value, in the measurement's unit
     * @param restMedian the median of the fork's other iterations
     */
    public record OffFirst(int fork, double first, double restMedian) {

        /** How many times the rest the first iteration is, e.g. 3170 or 0.4. */
        public double factor() {
            return first / restMedian;
        }
    }

    /**
     * A trend through the measured iterations, consistent across forks.
     *
     * @param drift  relative change of the value from the first to the last measured iteration at
     *               the forks' median slope; -0.28 = the values fell by 28%
     * @param pValue two-sided p-value of the slopes across forks
     * @param forks  forks the test used
     */
    public record Trend(double drift, double pValue, int forks) {
    }

    /**
     * The verdict on one measurement.
     *
     * @param offFirst         forks whose first measured iteration is far off; empty when none
     * @param trend            the trend through the iterations, or null when there is none
     * @param settledFrom      how many leading measured iterations, dropped from every fork, leave a
     *                         settled measurement: 0 when settled, -1 when no number does
     * @param iterations       measured iterations per fork (the most in any fork)
     * @param warmupIterations warm-up iterations of the run, 0 when unknown
     * @param unit             the measurement's unit
     */
    public record Result(List<OffFirst> offFirst, Trend trend, int settledFrom, int iterations,
                         int warmupIterations, String unit) {

        public Result {
            offFirst = List.copyOf(offFirst);
            if (settledFrom < -1 || iterations < 0 || warmupIterations < 0) {
                throw new IllegalArgumentException("settledFrom must be >= -1 and iterations and warm-up >= 0 but were "
                        + settledFrom + ", " + iterations + " and " + warmupIterations);
            }
        }

        /** Whether the measured iterations had settled (or could not be judged). */
        public boolean settled() {
            return offFirst.isEmpty() && trend == null;
        }

        /**
         * What is unsettled, e.g. {@code fork 3's first measured iteration is 3170x the median of its
         * other iterations (4121 vs 1.300 us/op)}; empty when settled.
         */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (offFirst.size() == 1) {
                OffFirst f = offFirst.get(0);
                parts.add(String.format(Locale.ROOT, "fork %d's first measured iteration is %sx the median of its "
                        + "other iterations (%s vs %s %s)", f.fork(), factor(f.factor()), number(f.first()),
                        number(f.restMedian()), unit));
            } else if (!offFirst.isEmpty()) {
                String low = factor(offFirst.stream().mapToDouble(OffFirst::factor).min().orElse(1));
                String high = factor(offFirst.stream().mapToDouble(OffFirst::factor).max().orElse(1));
                parts.add(String.format(Locale.ROOT, "the first measured iteration of forks %s is %s the median "
                        + "of the fork's other iterations", forkList(),
                        low.equals(high) ? low + "x" : low + "x to " + high + "x"));
            }
            if (trend != null) {
                boolean faster = (Direction.ofUnit(unit) == Direction.LOWER_IS_BETTER) == (trend.drift() < 0);
                parts.add(String.format(Locale.ROOT, "the iterations get %.0f%% %s from the first to the last "
                        + "measured one, consistently across %d forks (p = %.2g)", Math.abs(trend.drift()) * 100,
                        faster ? "faster" : "slower", trend.forks(), trend.pValue()));
            }
            return String.join("; ", parts);
        }

        /**
         * What to change, e.g. {@code raise --warmup-iterations from 2 to at least 3}; empty when
         * settled.
         */
        public String advice() {
            if (settled()) {
                return "";
            }
            int add = settledFrom > 0 ? settledFrom : iterations;
            String raise = warmupIterations > 0
                    ? String.format(Locale.ROOT, "raise --warmup-iterations from %d to at least %d", warmupIterations,
                    warmupIterations + add)
                    : String.format(Locale.ROOT, "add at least %d warm-up iteration%s (--warmup-iterations)", add,
                    add == 1 ? "" : "s");
            return settledFrom > 0 ? raise
                    : raise + " or lengthen --iteration-time: the forks had not settled within their " + iterations
                    + " measured iterations";
        }

        private String forkList() {
            List<String> numbers = offFirst.stream().map(f -> String.valueOf(f.fork())).toList();
            if (numbers.size() > 6) {
                return String.join(", ", numbers.subList(0, 5)) + " and " + (numbers.size() - 5) + " more";
            }
            return String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.get(numbers.size() - 1);
        }
    }

    /** Judges a benchmark's primary metric with its run's warm-up setting; single-shot mode is not judged. */
    public static Result of(BenchmarkResult result) {
        if (result.id().mode() == Mode.SINGLE_SHOT) {
            Measurement m = result.primary();
            return new Result(List.of(), null, 0, m.iterationsPerFork(), 0, m.unit());
        }
        return of(result.primary(), Math.max(0, result.settings().warmupIterations()));
    }

    /**
     * Judges a measurement's per-fork iterations. Values that are not finite and positive are left
     * out (their fork keeps its other iterations).
     *
     * @param measurement      the measurement
     * @param warmupIterations the run's warm-up iterations per fork, 0 when unknown (only the advice uses it)
     */
    public static Result of(Measurement measurement, int warmupIterations) {
        List<double[]> forks = new ArrayList<>();
        for (List<Double> fork : measurement.forks()) {
            forks.add(fork.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0 && Double.isFinite(v))
                    .map(Math::log).toArray());
        }
        int iterations = forks.stream().mapToInt(f -> f.length).max().orElse(0);
        List<OffFirst> off = offFirst(forks);
        Trend trend = trendBeyond(forks, off);
        int settledFrom = 0;
        if (!off.isEmpty() || trend != null) {
            settledFrom = -1;
            for (int drop = 1; drop <= iterations - 2 && settledFrom < 0; drop++) {
                List<double[]> rest = dropLeading(forks, drop);
                List<OffFirst> restOff = offFirst(rest);
                if (restOff.isEmpty() && trendBeyond(rest, restOff) == null) {
                    settledFrom = drop;
                }
            }
        }
        return new Result(off, trend, settledFrom, iterations, Math.max(0, warmupIterations), measurement.unit());
    }

    /**
     * The trend once the far-off first iterations are left out: those already explain the slope of
     * their forks, and a trend is reported only when the iterations after them still move.
     */
    private static Trend trendBeyond(List<double[]> forks, List<OffFirst> off) {
        if (off.isEmpty()) {
            return trend(forks);
        }
        List<double[]> rest = new ArrayList<>(forks);
        for (OffFirst f : off) {
            double[] fork = forks.get(f.fork() - 1);
            rest.set(f.fork() - 1, Arrays.copyOfRange(fork, 1, fork.length));
        }
        return trend(rest);
    }

    /** Forks (logs) whose first iteration is far off; see the class comment, rule 1. */
    static List<OffFirst> offFirst(List<double[]> forks) {
        List<Double> deviations = new ArrayList<>();
        for (double[] fork : forks) {
            if (fork.length >= 3) {
                double[] later = Arrays.copyOfRange(fork, 1, fork.length);
                for (int i = 0; i < later.length; i++) {
                    deviations.add(Math.abs(later[i] - median(without(later, i))));
                }
            }
        }
        if (deviations.isEmpty()) {
            return List.of();
        }
        double spread = MAD_TO_SD * median(deviations.stream().mapToDouble(Double::doubleValue).toArray());
        double limit = Math.max(Math.log(FIRST_FACTOR), FIRST_SPREADS * spread);
        List<OffFirst> out = new ArrayList<>();
        for (int f = 0; f < forks.size(); f++) {
            double[] fork = forks.get(f);
            if (fork.length >= 3) {
                double[] later = Arrays.copyOfRange(fork, 1, fork.length);
                double low = Arrays.stream(later).min().orElse(0);
                double high = Arrays.stream(later).max().orElse(0);
                // Beyond every later iteration, so that one odd later iteration cannot make the first look off.
                if (fork[0] - high >= limit || low - fork[0] >= limit) {
                    out.add(new OffFirst(f + 1, Math.exp(fork[0]), Math.exp(median(later))));
                }
            }
        }
        return out;
    }

    /** The trend across forks (logs), or null; see the class comment, rule 2. */
    static Trend trend(List<double[]> forks) {
        double[] slopes = forks.stream().filter(f -> f.length >= 2).mapToDouble(Settling::slope).toArray();
        int n = slopes.length;
        if (n < 3) {
            return null;
        }
        double mean = Arrays.stream(slopes).average().orElse(0);
        double ss = Arrays.stream(slopes).map(s -> (s - mean) * (s - mean)).sum();
        double sd = Math.sqrt(ss / (n - 1));
        double p;
        if (sd == 0) {
            p = mean == 0 ? 1 : 0;
        } else {
            double t = Math.abs(mean) / (sd / Math.sqrt(n));
            p = 2 * new TDistribution(null, n - 1).cumulativeProbability(-t);
        }
        int iterations = forks.stream().mapToInt(f -> f.length).max().orElse(0);
        double drift = Math.expm1((iterations - 1) * median(slopes));
        return p < TREND_ALPHA && Math.abs(drift) >= TREND_MIN_DRIFT ? new Trend(drift, p, n) : null;
    }

    /** Least-squares slope of the values over their index 0, 1, 2, ... */
    private static double slope(double[] values) {
        double centre = (values.length - 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < values.length; i++) {
            sxy += (i - centre) * values[i];
            sxx += (i - centre) * (i - centre);
        }
        return sxy / sxx;
    }

    private static List<double[]> dropLeading(List<double[]> forks, int drop) {
        return forks.stream().map(f -> f.length > drop ? Arrays.copyOfRange(f, drop, f.length) : new double[0])
                .collect(Collectors.toList());
    }

    private static double[] without(double[] values, int index) {
        double[] out = new double[values.length - 1];
        System.arraycopy(values, 0, out, 0, index);
        System.arraycopy(values, index + 1, out, index, values.length - index - 1);
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String factor(double factor) {
        return factor >= 10 ? String.format(Locale.ROOT, "%.0f", factor)
                : factor >= 1 ? String.format(Locale.ROOT, "%.1f", factor) : String.format(Locale.ROOT, "%.2f", factor);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}

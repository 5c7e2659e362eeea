package dev.perfgate.core.model;

/**
 * Whether a bigger or a smaller value of a metric is better, derived from the metric's unit.
 */
public enum Direction {
    /** Throughput-like units such as {@code ops/s}: a drop is a regression. */
    HIGHER_IS_BETTER,
    /** Cost-like units such as {@code us/op} or {@code B/op}: a rise is a regression. */
    LOWER_IS_BETTER;

    /**
     * The direction of a unit: {@code ops/<time>} is higher-is-better; every other unit
     * ({@code <time>/op}, {@code B/op}, {@code MB/sec} of allocation, counts) is a cost and so
     * lower-is-better.
     *
     * @param unit a JMH unit string such as {@code "ops/s"} or {@code "us/op"}
     */
    public static Direction ofUnit(String unit) {
        if (unit != null && unit.trim().startsWith("ops/")) {
            return HIGHER_IS_BETTER;
        }
        return LOWER_IS_BETTER;
    }

    /**
     * Signed relative change from {@code base} to {@code current} such that a positive value
     * means worse: for a cost, {@code current/base - 1}; for a throughput, {@code 1 - current/base}
     * (the fraction of operations per second lost).
     *
     * @param ratio {@code current / base}, positive
     */
    public double worseningOf(double ratio) {
        return this == LOWER_IS_BETTER ? ratio - 1.0 : 1.0 - ratio;
    }
}

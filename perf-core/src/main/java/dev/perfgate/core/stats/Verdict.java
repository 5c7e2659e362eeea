package dev.perfgate.core.stats;

/**
 * The outcome for one metric of one benchmark. Only {@link #REGRESSION} fails a gate.
 */
public enum Verdict {
    /** Worse than the threshold, and the difference is statistically significant. */
    REGRESSION("regression", true),
    /** Better than the threshold, and the difference is statistically significant. */
    IMPROVEMENT("improvement", false),
    /**
     * No regression beyond the threshold: the worse end of the 95% confidence interval lies within
     * it; and no significant improvement beyond it either (the better end may reach further).
     */
    UNCHANGED("unchanged", false),
    /**
     * The data do not decide: worse than the threshold but not significant; within it, but with an
     * interval whose worse end reaches beyond it; too few forks for any test; measured iterations that
     * had not settled (warm-up left in them); or nothing comparable (no per-fork samples, a changed
     * unit).
     */
    INCONCLUSIVE("inconclusive", false),
    /** In the candidate only: nothing to compare with. */
    NEW("new", false),
    /** In the baseline only: the candidate did not run it. */
    MISSING("missing", false);

    private final String label;
    private final boolean fails;

    Verdict(String label, boolean fails) {
        this.label = label;
        this.fails = fails;
    }

    /** Lower-case label used in every report, e.g. {@code "regression"}. */
    public String label() {
        return label;
    }

    /** Whether this verdict fails the gate (exit code 1) when verdicts are not advisory. */
    public boolean failsGate() {
        return fails;
    }

    @Override
    public String toString() {
        return label;
    }
}

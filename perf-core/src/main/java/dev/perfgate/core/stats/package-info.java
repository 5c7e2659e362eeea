/**
 * Statistics of the regression decision.
 *
 * <p>One JMH fork is one independent sample (the mean of its measurement iterations). Base and
 * candidate fork means are compared in log space: the change is the Hodges-Lehmann estimate of
 * the shift, its confidence interval comes from the Mann-Whitney U distribution, and significance
 * from the Mann-Whitney U test ({@link dev.perfgate.core.stats.MannWhitney}). A benchmark
 * regresses when the change is worse than the threshold and the test, after Benjamini-Hochberg
 * control across benchmarks, is significant ({@link dev.perfgate.core.stats.DecisionRule}).
 * Bytes per operation have their own tight, test-free gate ({@link dev.perfgate.core.stats.AllocationRule}).
 * Whether the measured iterations had settled, rather than still carrying warm-up, is judged by
 * {@link dev.perfgate.core.stats.Settling}.
 */
package dev.perfgate.core.stats;

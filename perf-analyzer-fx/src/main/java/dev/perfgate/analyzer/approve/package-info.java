/** Approving benchmarks into the baseline through perf-core's approval service. */
package dev.perfgate.analyzer.approve;

/** The Compare tab: a run against the baseline or another run, through perf-core's gate. */
package dev.perfgate.analyzer.compare;

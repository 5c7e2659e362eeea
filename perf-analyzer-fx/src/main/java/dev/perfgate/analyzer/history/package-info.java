/**
 * Reading histories fast for plotting: {@link dev.perfgate.analyzer.history.FastHistoryReader} and
 * its index cache, with perf-core's codec as the authority on every line it cannot read.
 */
package dev.perfgate.analyzer.history;

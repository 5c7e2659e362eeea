/**
 * Renderings of a {@link dev.perfgate.core.gate.GateReport}: console table
 * ({@link dev.perfgate.core.report.ConsoleReport}), Markdown for pull-request comments and job summaries
 * ({@link dev.perfgate.core.report.MarkdownReport}: hidden marker, size budget, Trend column of
 * {@link dev.perfgate.core.report.Sparkline}s), JUnit XML ({@link dev.perfgate.core.report.JunitReport})
 * and the stable JSON report ({@link dev.perfgate.core.report.JsonReport}); and of a history's trends
 * ({@link dev.perfgate.core.report.HistoryReport}, its points linked to their commits by
 * {@link dev.perfgate.core.report.CommitLinks}). Untrusted text is escaped for each format by
 * {@link dev.perfgate.core.report.Text}.
 */
package dev.perfgate.core.report;

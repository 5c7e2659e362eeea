/**
 * Renderings of a {@link dev.perfgate.core.gate.GateReport}: console table
 * ({@link dev.perfgate.core.report.ConsoleReport}), Markdown for pull-request comments
 * ({@link dev.perfgate.core.report.MarkdownReport}), JUnit XML ({@link dev.perfgate.core.report.JunitReport})
 * and the stable JSON report ({@link dev.perfgate.core.report.JsonReport}). Untrusted text is escaped
 * for each format by {@link dev.perfgate.core.report.Text}.
 */
package dev.perfgate.core.report;

/**
 * perfgate's core library: everything the command-line gate and the desktop analyzer share,
 * with no dependency on either (no picocli, no JavaFX).
 *
 * <p>Packages by feature:
 * <ul>
 *   <li>{@code model}: benchmark identity, units and direction, per-fork samples, runs, platform keys
 *       and fingerprints;</li>
 *   <li>{@code platform}: detection of the platform key and machine fingerprint;</li>
 *   <li>{@code jmh}: reading JMH's JSON result format ({@code -rf json}) of JMH 1.2x-1.37;</li>
 *   <li>{@code stats}: per-fork statistics, the regression decision, multiple-comparison control;</li>
 *   <li>{@code gate}: comparing a candidate run with a baseline or another run;</li>
 *   <li>{@code baseline}: reviewed per-platform baseline files and approvals;</li>
 *   <li>{@code history}: the append-only JSON-lines run history;</li>
 *   <li>{@code report}: console, Markdown, JUnit XML and JSON reports;</li>
 *   <li>{@code jfr}: summaries of JDK Flight Recorder files (GC, allocation, CPU, hot methods) and
 *       the diff of two recordings.</li>
 * </ul>
 * Bad input anywhere is reported as a checked {@link dev.perfgate.core.InputException}.
 */
package dev.perfgate.core;

/**
 * perf-analyzer, the JavaFX desktop analyzer of perfgate: trends, comparisons, fork and iteration
 * distributions, baseline approvals and JFR summaries. MVVM: views bind to view-model properties;
 * view models call perf-core and never touch controls. Start it with {@link dev.perfgate.analyzer.Launcher}.
 */
package dev.perfgate.analyzer;

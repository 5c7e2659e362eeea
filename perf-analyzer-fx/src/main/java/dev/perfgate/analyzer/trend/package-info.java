/** The Trends tab: benchmark tree, trend chart, downsampling, zoom. */
package dev.perfgate.analyzer.trend;

/** Exporting charts as PNG files. */
package dev.perfgate.analyzer.export;

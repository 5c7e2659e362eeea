/**
 * The values every other package works with: a benchmark's identity ({@link dev.perfgate.core.model.BenchmarkId}),
 * its measurements with per-fork samples ({@link dev.perfgate.core.model.Measurement}), units and their
 * {@link dev.perfgate.core.model.Direction}, runs, {@link dev.perfgate.core.model.PlatformKey platform keys}
 * and machine {@link dev.perfgate.core.model.Fingerprint fingerprints}. All are immutable records.
 */
package dev.perfgate.core.model;

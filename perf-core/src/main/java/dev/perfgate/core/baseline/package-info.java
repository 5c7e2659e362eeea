/**
 * Reviewed, per-platform baselines ({@code baselines/<platform>.json}): the file format
 * ({@link dev.perfgate.core.baseline.BaselineCodec}), atomic and lock-serialized storage
 * ({@link dev.perfgate.core.baseline.BaselineStore}), approvals ({@link dev.perfgate.core.baseline.Approver})
 * and the unified diff a reviewer reads ({@link dev.perfgate.core.baseline.UnifiedDiff}).
 */
package dev.perfgate.core.baseline;

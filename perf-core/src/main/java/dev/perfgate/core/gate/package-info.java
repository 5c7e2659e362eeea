/**
 * Comparing a candidate run with a baseline or another run ({@link dev.perfgate.core.gate.Gate}),
 * producing a {@link dev.perfgate.core.gate.GateReport} that every report format renders.
 */
package dev.perfgate.core.gate;

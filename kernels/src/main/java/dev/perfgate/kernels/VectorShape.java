package dev.perfgate.kernels;

import jdk.incubator.vector.FloatVector;

/** The vector shape in use; loaded only when {@link Kernels#vectorized()}. */
final class VectorShape {

    private VectorShape() {
    }

    static String describe() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit vectors ("
                + FloatVector.SPECIES_PREFERRED.length() + " float lanes)";
    }
}

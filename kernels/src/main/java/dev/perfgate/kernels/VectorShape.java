package dev.perfgate.kernels;

import jdk.incubator.vector.FloatVector;

/** The vector shape in use; loaded only when {@link Kernels#vectorized()}. */
final class VectorShape {

    private VectorShape() {
    }

    static String describe() {
        String shape = FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit vectors ("
                + FloatVector.SPECIES_PREFERRED.length() + " float lanes)";
        int cosine = CosineSimilarityVector.SPECIES.vectorBitSize();
        return cosine == FloatVector.SPECIES_PREFERRED.vectorBitSize() ? shape
                : shape + "; cosine similarity " + cosine + "-bit";
    }
}

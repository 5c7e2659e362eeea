package dev.perfgate.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * Checks that this test JVM runs the kernels at the width its Surefire execution asks for
 * ({@code perfgate.test.maxVectorBits}: 0 for the scalar versions, otherwise the widest vectors
 * allowed), so that the other tests of the run really cover that width. Without the property
 * (the default execution) the Vector API path must be active at whatever width the machine has.
 */
class VectorWidthTest {

    private static final int MAX_BITS = Integer.getInteger("perfgate.test.maxVectorBits", -1);

    @Test
    void theKernelsRunAtTheWidthOfThisExecution() {
        String implementation = Kernels.implementation();
        System.out.println("perfgate.test.maxVectorBits=" + MAX_BITS + ": " + implementation);
        if (MAX_BITS == 0) {
            assertFalse(Kernels.vectorized(), implementation);
            assertTrue(implementation.startsWith("scalar"), implementation);
            return;
        }
        assertTrue(Kernels.vectorized(), implementation);
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        assertTrue(bits >= 128, implementation);
        if (MAX_BITS > 0) {
            assertTrue(bits <= MAX_BITS, implementation);
        }
        assertTrue(implementation.startsWith("Vector API, " + bits + "-bit vectors"), implementation);
    }

    @Test
    void cosineSimilarityReadsAtMost256BitsAtATime() {
        assumeTrue(Kernels.vectorized(), "the scalar execution has no vector shape");
        int bits = CosineSimilarityVector.SPECIES.vectorBitSize();
        assertEquals(Math.min(256, FloatVector.SPECIES_PREFERRED.vectorBitSize()), bits);
        assertEquals(bits < FloatVector.SPECIES_PREFERRED.vectorBitSize(),
                Kernels.implementation().endsWith("; cosine similarity 256-bit"));
    }
}

package dev.perfgate.kernels;

/**
 * Which implementation the kernels use. The optimized kernels use the Vector API
 * ({@code jdk.incubator.vector}) when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}; otherwise they fall back to their best scalar
 * version, with the same results within each kernel's stated tolerance. The system property
 * {@code perfgate.kernels.scalar=true} forces the scalar versions (for comparisons).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp perf-gate.jar dev.perfgate.kernels.Kernels
 * </pre>
 * prints the active implementation.
 */
public final class Kernels {

    /** The module the vector implementations need. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final boolean VECTOR = !Boolean.getBoolean("perfgate.kernels.scalar")
            && ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();

    private Kernels() {
    }

    /** Whether the optimized kernels use the Vector API in this JVM. */
    public static boolean vectorized() {
        return VECTOR;
    }

    /** One line naming the active implementation and, for the fallback, how to enable the vector one. */
    public static String implementation() {
        if (VECTOR) {
            return "Vector API, " + VectorShape.describe();
        }
        if (Boolean.getBoolean("perfgate.kernels.scalar")) {
            return "scalar (forced by -Dperfgate.kernels.scalar=true)";
        }
        return "scalar (" + VECTOR_MODULE + " not enabled; start the JVM with --add-modules " + VECTOR_MODULE + ")";
    }

    /** Prints {@link #implementation()}. */
    public static void main(String[] args) {
        System.out.println("perfgate kernels: " + implementation());
    }
}

package dev.perfgate.kernels;

import java.util.ArrayList;
import java.util.List;

/**
 * The child-JVM side of {@link KernelsFallbackTest}: run without
 * {@code --add-modules jdk.incubator.vector}, it prints {@link Kernels#implementation()}, runs
 * all three public kernels on seeded inputs and compares them with the double-precision oracles.
 * It prints one line per kernel and exits with 0 when every check passed, 1 otherwise.
 *
 * <p>It uses only the kernels' public APIs, and loose tolerances for the kernels other than
 * memory decay, so that it stays valid while their implementations change.
 */
final class KernelsFallbackCheck {

    /** Loose bound for cosine similarity (absolute) and spreading activation (relative). */
    private static final double LOOSE_TOLERANCE = 1e-4;

    private final List<String> failures = new ArrayList<>();

    private KernelsFallbackCheck() {
    }

    public static void main(String[] args) {
        System.out.println("implementation: " + Kernels.implementation());
        KernelsFallbackCheck check = new KernelsFallbackCheck();
        check.require(!Kernels.vectorized(), "Kernels.vectorized() must be false");
        check.require(ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isEmpty(),
                Kernels.VECTOR_MODULE + " must be absent");
        check.cosineSimilarity();
        check.spreadingActivation();
        check.memoryDecay();
        for (String failure : check.failures) {
            System.out.println("FAILED: " + failure);
        }
        System.out.println(check.failures.isEmpty() ? "all kernels match" : check.failures.size() + " failures");
        System.exit(check.failures.isEmpty() ? 0 : 1);
    }

    private void cosineSimilarity() {
        int dimension = CosineSimilarity.DEFAULT_DIMENSION;
        int count = 200;
        CosineSimilarityInput in = CosineSimilarityInput.random(42L, dimension, count);
        float[] out = new float[count];
        new CosineSimilarity(dimension).similarities(in.query(), in.candidates(), count, out);
        double[] expected = CosineSimilarityExact.similarities(in.query(), in.candidates(), dimension, count);
        for (int c = 0; c < count; c++) {
            if (!(Math.abs(out[c] - expected[c]) <= LOOSE_TOLERANCE)) {
                failures.add("cosine similarity " + c + ": " + out[c] + ", expected " + expected[c]);
                return;
            }
        }
        System.out.println("cosine similarity: " + count + " candidates within " + LOOSE_TOLERANCE);
    }

    private void spreadingActivation() {
        int nodes = SpreadingActivation.DEFAULT_NODES;
        int iterations = SpreadingActivation.DEFAULT_ITERATIONS;
        CsrGraph graph = CsrGraph.random(42L, nodes, SpreadingActivation.DEFAULT_EDGES);
        float[] out = new float[nodes];
        new SpreadingActivation(nodes).spread(graph, 0, iterations, out);
        double[] expected = SpreadingActivationExact.spread(graph, 0, iterations, ActivationRule.DEFAULT);
        for (int v = 0; v < nodes; v++) {
            if (!(Math.abs(out[v] - expected[v]) <= LOOSE_TOLERANCE * expected[v] + 1e-12)) {
                failures.add("spreading activation node " + v + ": " + out[v] + ", expected " + expected[v]);
                return;
            }
        }
        System.out.println("spreading activation: " + nodes + " nodes within " + LOOSE_TOLERANCE + " relative");
    }

    private void memoryDecay() {
        float tau = MemoryDecay.DEFAULT_TAU_SECONDS;
        // 120 tau: beyond the underflow at 87.3 tau, so the flush to 0 is covered too.
        MemoryDecayInput in = MemoryDecayInput.random(42L, MemoryDecay.DEFAULT_ITEMS + 7, 120 * tau);
        float[] out = new float[in.size()];
        new MemoryDecay(tau).decay(in.strength(), in.ageSeconds(), out);
        int bad = MemoryDecayExact.firstOutsideTolerance(in.strength(), in.ageSeconds(), tau, out);
        if (bad >= 0) {
            failures.add("memory decay item " + bad + ": " + out[bad] + " for strength " + in.strength()[bad]
                    + ", age " + in.ageSeconds()[bad]);
            return;
        }
        float[] edges = new float[3];
        new MemoryDecay(tau).decay(new float[] {0.7f, 0.7f, 0.7f}, new float[] {0f, 1000 * tau, Float.POSITIVE_INFINITY}, edges);
        if (edges[0] != 0.7f || edges[1] != 0f || edges[2] != 0f) {
            failures.add("memory decay edge cases: ages 0, 1000 tau, +Infinity gave " + java.util.Arrays.toString(edges));
            return;
        }
        System.out.println("memory decay: " + in.size() + " items within 1e-6 relative + Float.MIN_NORMAL");
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            failures.add(message);
        }
    }
}

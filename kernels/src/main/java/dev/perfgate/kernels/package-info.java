/**
 * Three single-threaded compute kernels and their JMH benchmarks: the system under test that
 * the perfgate regression gate measures by default.
 *
 * <p>Each kernel is optimized for the hardware: a Vector API implementation when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, otherwise its best scalar version ({@link
 * dev.perfgate.kernels.Kernels} tells which is active). Each keeps its plain scalar loop in
 * {@link dev.perfgate.kernels.reference} as the correctness reference and the yardstick of the
 * {@code ...Reference} benchmarks. Every kernel writes its result into a caller-supplied array,
 * so a call allocates nothing. Each comes with a seeded input generator (so every run measures
 * the same data) and one JMH benchmark class whose sizes are the defaults below.
 * Kernels hold no static mutable state; an instance is not thread-safe when it owns scratch
 * buffers (see each class).
 *
 * <h2>Batch cosine similarity ({@link dev.perfgate.kernels.CosineSimilarity})</h2>
 * One query {@code q} of dimension {@code d} (default 768) against {@code n} candidates
 * (default 1000) stored row-major in one {@code float[n * d]}:
 * <pre>
 *   sim[c] = (q . x_c) / (|q| * |x_c|)        clamped to [-1, 1]
 *   sim[c] = 0                                  if |q| = 0 or |x_c| = 0
 * </pre>
 * Inputs: {@link dev.perfgate.kernels.CosineSimilarityInput}, components uniform in [-1, 1).
 * A vector index {@linkplain dev.perfgate.kernels.CosineSimilarity#prepare prepares} its
 * candidates once (a copy plus their squared norms), so a query costs only dot products.
 * Benchmarks: {@link dev.perfgate.kernels.CosineSimilarityBenchmark#batch()} (the optimized
 * kernel on prepared candidates), {@code batchReference} (the plain
 * {@link dev.perfgate.kernels.reference.CosineSimilarityReference}) and {@code memoryFloor}
 * (a Vector API sum of the same candidates: the fastest they can be streamed).
 *
 * <h2>Spreading activation ({@link dev.perfgate.kernels.SpreadingActivation})</h2>
 * A directed weighted graph in CSR form ({@link dev.perfgate.kernels.CsrGraph}; the seeded
 * generator makes 1000 nodes, 5000 distinct edges without self-loops, weights uniform in
 * [0.1, 1.0]). Activation starts at 1 on one source node, 0 elsewhere, and for each of
 * {@code T} iterations (default 100):
 * <pre>
 *   f(x)       = x if x &gt;= theta, else 0                 (only firing nodes spread)
 *   W(u)       = sum of w(u, v) over the out-edges of u     (out-weight of u)
 *   a'[v]      = min(1, r * a[v] + s * sum over edges u-&gt;v of (w(u, v) / W(u)) * f(a[u]))
 * </pre>
 * with the {@link dev.perfgate.kernels.ActivationRule} constants retention {@code r = 0.5},
 * spread {@code s = 0.5} and firing threshold {@code theta = 1e-4}. A firing node keeps
 * {@code r} of its activation and hands {@code s} of it to its successors in proportion to
 * edge weight, so with {@code r + s <= 1} total activation never grows and every activation
 * stays in [0, 1]. Benchmark: {@link dev.perfgate.kernels.SpreadingActivationBenchmark#spread()}.
 *
 * <h2>Memory decay ({@link dev.perfgate.kernels.MemoryDecay})</h2>
 * {@code n} items (default 10,000), each a strength and an age in seconds; exponential decay
 * with time constant {@code tau} in seconds (default 3600):
 * <pre>
 *   decayed[i] = strength[i] * exp(-age[i] / tau)
 * </pre>
 * Inputs: {@link dev.perfgate.kernels.MemoryDecayInput}, strengths uniform in [0, 1), ages
 * uniform in [0, maxAge). Benchmark: {@link dev.perfgate.kernels.MemoryDecayBenchmark#decay()}.
 */
package dev.perfgate.kernels;

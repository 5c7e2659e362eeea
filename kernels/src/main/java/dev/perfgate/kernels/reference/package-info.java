/**
 * The plain scalar references of the kernels in {@link dev.perfgate.kernels}: today's
 * straightforward loops (no unrolling, no tricks), each with the same signature and contract as
 * its optimized kernel. They serve as correctness references in the tests and as the yardstick
 * the {@code ...Reference} benchmarks measure; they are not meant for production use.
 */
package dev.perfgate.kernels.reference;

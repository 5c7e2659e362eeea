/**
 * The plain scalar references of the kernels in {@link dev.perfgate.kernels}: each kernel's
 * straightforward loop, no unrolling and no tricks, with the same signature and contract as
 * the optimized kernel. They are the yardsticks: the tests check the optimized kernels
 * against them and the {@code ...Reference} benchmarks measure them on the same inputs. They
 * are not meant for production use.
 */
package dev.perfgate.kernels.reference;

package dev.perfgate.kernels;

/**
 * What the kernel benchmarks do to their heap before they measure.
 *
 * <p>A benchmark's arrays are allocated in its trial setup, one after the other, so their
 * relative places in memory are the same in every fork. The first young collections of a fork
 * (JMH's start-up and, above all, the Vector API's allocations before C2 has compiled a
 * kernel) then copy them to survivor space in an order that varies from fork to fork. Where
 * they land decides, for example, whether a decay batch's stores to {@code out} share the low
 * 12 address bits with the next loads of {@code ageSeconds}, which the processor treats as a
 * possible dependency (4K aliasing): in one JVM, the same compiled code on 144 placements of
 * the same data took from 1.0 to 1.38 times as long as on the placement of the setup
 * (docs/kernels.md). {@link #settle()} moves them to the old
 * generation once, at the end of the setup, where young collections leave them in place, so
 * every fork measures the same relative layout (in 12 forks: two absolute placements, one
 * layout). This assumes the JVM's default collector, G1, whose {@code System.gc()} is a full
 * compacting collection; under {@code -XX:+DisableExplicitGC} or a concurrent collector it
 * does less, and the forks' layouts vary again.
 */
final class BenchmarkHeap {

    private BenchmarkHeap() {
    }

    /** Collects the whole heap once, so that the setup's arrays stop moving. */
    static void settle() {
        System.gc();
    }
}

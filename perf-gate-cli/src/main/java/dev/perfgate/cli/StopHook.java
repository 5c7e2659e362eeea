package dev.perfgate.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What perf-gate does when it is stopped (SIGTERM from a CI cancel or {@code timeout}, SIGINT from
 * Ctrl-C) while JMH runs: a JVM shutdown hook, installed for one JMH invocation, that stops every
 * process perf-gate started (the JVM running JMH and JMH's forked JVMs, which would otherwise
 * run on without it) and then keeps what was measured ({@link Keeper}). Closing it removes the
 * hook.
 */
final class StopHook implements AutoCloseable {

    /** Keeps the finished benchmarks once the processes are stopped, and says where. */
    @FunctionalInterface
    interface Keeper {
        /** @return a sentence for the user: what was kept, and where */
        String keep() throws Exception;
    }

    /** How long stopped processes get to exit before they are killed. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final Thread hook;
    private final PrintWriter progress;
    private final Keeper keeper;
    private volatile boolean stopping;

    private StopHook(PrintWriter progress, Keeper keeper) {
        this.progress = progress;
        this.keeper = keeper;
        this.hook = new Thread(this::stop, "perf-gate-stop");
    }

    /** Installs the hook until {@link #close()}. */
    static StopHook install(PrintWriter progress, Keeper keeper) {
        StopHook stop = new StopHook(progress, keeper);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Whether perf-gate is being stopped: the JMH processes end because the hook ends them. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Waits for the hook to finish; the JVM then exits (with 143 after SIGTERM, 130 after SIGINT), so
     * a caller that sees {@link #stopping()} waits here instead of reporting JMH's end as a failure.
     */
    void awaitStop() throws InterruptedException {
        hook.join();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or has run.
        }
    }

    private void stop() {
        stopping = true;
        int stopped = stopDescendants(GRACE);
        String kept;
        try {
            kept = keeper.keep();
        } catch (Exception e) {
            kept = "could not keep the finished benchmarks: " + PerfGate.oneLine(String.valueOf(e.getMessage()));
        }
        progress.println("perf-gate: stopped; ended " + stopped + " JMH process" + (stopped == 1 ? "" : "es") + "; "
                + kept);
        progress.flush();
    }

    /**
     * Stops every descendant of this process: asks them to end (SIGTERM), waits up to {@code grace},
     * then kills those left. The processes are collected before any is stopped and again until no new
     * one appears, so that a JMH fork started meanwhile, or orphaned by its parent's end, is stopped too.
     *
     * @return how many processes were stopped
     */
    static int stopDescendants(Duration grace) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        List<ProcessHandle> found = ProcessHandle.current().descendants().toList();
        while (!found.isEmpty()) {
            all.addAll(found);
            found.forEach(ProcessHandle::destroy);
            List<ProcessHandle> more = new ArrayList<>();
            for (ProcessHandle p : found) {
                p.descendants().filter(d -> !all.contains(d)).forEach(more::add);
            }
            ProcessHandle.current().descendants().filter(d -> !all.contains(d)).forEach(more::add);
            found = more.stream().distinct().toList();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                p.destroyForcibly();
            }
        }
        return all.size();
    }
}

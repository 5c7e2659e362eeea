package dev.perfgate.core.history;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One line of a history file: a benchmark run, or the approval of new baseline values. */
public sealed interface HistoryRecord {

    /** When it happened. */
    Instant timestamp();

    /**
     * A run: every benchmark's score, error, per-fork samples and secondary metrics.
     *
     * @param run the run
     */
    record RunRecord(Run run) implements HistoryRecord {
        public RunRecord {
            Objects.requireNonNull(run, "run");
        }

        @Override
        public Instant timestamp() {
            return run.timestamp();
        }
    }

    /**
     * An approval: which benchmarks took new baseline values, by whom, why.
     *
     * @param timestamp  when
     * @param approver   who
     * @param reason     why
     * @param commit     commit of the approved code; empty when unknown
     * @param runId      id of the run whose values were approved; empty when unknown
     * @param benchmarks the approved benchmarks
     */
    record ApprovalRecord(Instant timestamp, String approver, String reason, String commit, String runId,
                          List<BenchmarkId> benchmarks) implements HistoryRecord {
        public ApprovalRecord {
            Objects.requireNonNull(timestamp, "timestamp");
            approver = approver == null ? "" : approver;
            reason = reason == null ? "" : reason;
            commit = commit == null ? "" : commit;
            runId = runId == null ? "" : runId;
            benchmarks = List.copyOf(benchmarks);
        }
    }
}

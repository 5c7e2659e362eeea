package dev.perfgate.core.baseline;

import dev.perfgate.core.InputException;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The approval workflow that the command line's {@code approve} and the desktop analyzer share:
 * preview the unified diff of {@code baselines/<platform>.json}, then write it and record the
 * evidence in the history.
 *
 * <p>{@link #approve} appends the run to the history first (if that fails, nothing has changed),
 * then writes the baseline atomically under its lock, then appends the approval event naming the
 * run. Noise checks are the caller's: see {@link Approver#noisy}.
 *
 * <pre>{@code
 * ApprovalService service = new ApprovalService(projectDir, Clock.systemUTC(), new Approver(5.0));
 * Outcome preview = service.preview(run, selected, approval);   // show preview.diff()
 * Outcome done = service.approve(run, selected, approval);       // writes
 * }</pre>
 */
public final class ApprovalService {

    private final BaselineStore baselines;
    private final HistoryStore history;
    private final Approver approver;

    /**
     * @param projectDir directory holding {@code baselines/} and {@code history/}
     * @param clock      names set-aside torn history fragments
     * @param approver   merges results into the baseline
     */
    public ApprovalService(Path projectDir, Clock clock, Approver approver) {
        this.baselines = new BaselineStore(projectDir);
        this.history = new HistoryStore(projectDir, clock);
        this.approver = approver;
    }

    /**
     * What an approval did or would do.
     *
     * @param path         the baseline file
     * @param relativePath {@code baselines/<platform>.json}, as {@code git diff} names it
     * @param diff         unified diff of the file; empty when the approval changes nothing
     * @param baseline     the baselines after the approval
     * @param tornHistory  where a torn last history line was moved by this approval, if one was found
     */
    public record Outcome(Path path, String relativePath, String diff, BaselineFile baseline, Optional<Path> tornHistory) {
    }

    /** The diff the approval would make; writes nothing, takes no lock. */
    public Outcome preview(Run run, List<BenchmarkResult> selected, Approval approval) throws InputException {
        try {
            return apply(run, selected, approval, true, Optional.empty());
        } catch (IOException e) {
            throw new IllegalStateException("a dry run does not write", e);
        }
    }

    /** Records the run, writes the baseline, records the approval; see the class comment for the order. */
    public Outcome approve(Run run, List<BenchmarkResult> selected, Approval approval)
            throws InputException, IOException {
        return approve(run, selected, approval, true);
    }

    /**
     * As {@link #approve(Run, List, Approval)}; with {@code recordRun} false the run is not appended,
     * because it is already in the history (approving a run picked from the history).
     */
    public Outcome approve(Run run, List<BenchmarkResult> selected, Approval approval, boolean recordRun)
            throws InputException, IOException {
        Optional<Path> torn = recordRun ? history.append(run.platform(), new HistoryRecord.RunRecord(run))
                : Optional.empty();
        Outcome outcome = apply(run, selected, approval, false, torn);
        Optional<Path> tornLater = history.append(run.platform(), new HistoryRecord.ApprovalRecord(
                approval.approvedAt(), approval.approvedBy(), approval.reason(), approval.commit(), approval.runId(),
                selected.stream().map(BenchmarkResult::id).toList()));
        return tornLater.isPresent()
                ? new Outcome(outcome.path(), outcome.relativePath(), outcome.diff(), outcome.baseline(), tornLater)
                : outcome;
    }

    private Outcome apply(Run run, List<BenchmarkResult> selected, Approval approval, boolean dryRun,
                          Optional<Path> torn) throws InputException, IOException {
        BaselineStore.Change change = baselines.update(run.platform(),
                current -> approver.approve(current, run, selected, approval), dryRun);
        String relative = "baselines/" + run.platform() + ".json";
        return new Outcome(baselines.path(run.platform()), relative,
                UnifiedDiff.of(relative, change.before(), change.after()), change.baseline(), torn);
    }
}

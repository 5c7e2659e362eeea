package dev.perfgate.analyzer.approve;

import dev.perfgate.analyzer.AnalyzerServices;
import dev.perfgate.analyzer.compare.CompareViewModel;
import dev.perfgate.analyzer.compare.ComparisonLine;
import dev.perfgate.analyzer.project.Workspace;
import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Approval;
import dev.perfgate.core.baseline.ApprovalService;
import dev.perfgate.core.baseline.Approver;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.analyzer.project.ResultsFile;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.platform.Vcs;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Approving the benchmarks selected in the comparison as the new baseline, through perf-core's
 * {@link ApprovalService} (the code {@code perf-gate approve} runs): ask for a reason, show the
 * unified diff of {@code baselines/<platform>.json} with the warnings of {@link Approver#noisy} and
 * {@link Approver#unsettled}, and only on confirmation write the baseline and record the run and the
 * approval in the history. Cancelling at any step writes nothing.
 */
public final class ApprovalViewModel {


    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final CompareViewModel compare;
    private final AnalyzerServices services;
    private final Runnable afterApproval;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /**
     * @param afterApproval runs after a successful approval (reloads the project)
     */
    public ApprovalViewModel(ReadOnlyObjectProperty<Workspace> workspace, CompareViewModel compare,
                             AnalyzerServices services, Runnable afterApproval) {
        this.workspace = workspace;
        this.compare = compare;
        this.services = services;
        this.afterApproval = afterApproval;
    }

    /** What the last approval did, or why it did not happen. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Approves the benchmarks of the selected comparison rows (Ctrl+Shift+A). */
    public void approveSelected() {
        Workspace ws = workspace.get();
        CompareViewModel.Compared compared = compare.comparedProperty().get();
        if (ws.projectDir().isEmpty()) {
            refuse("Open the project directory whose baseline you want to change (File > Open Project).");
            return;
        }
        if (compared == null || compared.candidateRun().isEmpty() && compared.candidateFile().isEmpty()) {
            refuse("Compare a run or a results file with the baseline first (Compare tab), then select the benchmarks"
                    + " to approve.");
            return;
        }
        Set<BenchmarkId> ids = new LinkedHashSet<>();
        compare.selection().stream().map(ComparisonLine::id).forEach(ids::add);
        Run run = compared.candidateRun().orElseGet(() -> runOf(compared.candidateFile().orElseThrow(), ws));
        boolean recordRun = compared.candidateRun().isEmpty();
        List<BenchmarkResult> selected = run.results().stream().filter(r -> ids.contains(r.id()))
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        if (selected.isEmpty()) {
            refuse("Select the benchmarks to approve in the comparison table (rows of the current run).");
            return;
        }
        String what = selected.size() == 1 ? selected.get(0).id().display() : selected.size() + " benchmarks";
        Optional<String> reason = services.dialogs().askText("Approve " + what,
                "Why are the new values of " + what + " right? (The reviewer reads this.)", "");
        if (reason.isEmpty()) {
            status.set("Approval cancelled: nothing written.");
            return;
        }
        Approver approver = new Approver(Approver.DEFAULT_MAX_NOISE_PCT);
        List<String> warnings = new ArrayList<>();
        approver.noisy(selected).forEach((id, why) -> warnings.add(id.display() + ": " + why));
        Approver.unsettled(selected).forEach((id, why) -> warnings.add(id.display() + ": not settled: " + why));
        Approval approval = new Approval(services.clock().instant(), System.getProperty("user.name", ""), reason.get(),
                run.commit(), run.runId());
        Path dir = ws.projectDir().get();
        ApprovalService service = new ApprovalService(dir, services.clock(), approver);
        services.runner().run("Preparing the diff", () -> service.preview(run, selected, approval), preview -> {
            if (preview.diff().isEmpty()) {
                status.set(preview.relativePath() + " already holds these values: nothing to approve.");
                services.dialogs().showInformation("Nothing to approve", status.get());
                return;
            }
            boolean confirmed = services.dialogs().confirmApproval("Approve " + what + " into "
                    + preview.relativePath(), preview.diff(), warnings);
            if (!confirmed) {
                status.set("Approval cancelled: nothing written.");
                return;
            }
            services.runner().run("Approving", () -> service.approve(run, selected, approval, recordRun), done -> {
                status.set("Approved " + what + " into " + done.path() + ". Review it with 'git diff "
                        + done.relativePath() + "' and commit it.");
                services.dialogs().showInformation("Baseline written", status.get()
                        + done.tornHistory().map(p -> " The history's torn last line was moved to " + p + ".")
                        .orElse(""));
                afterApproval.run();
            }, failure -> fail(failure));
        }, this::fail);
    }

    private void refuse(String why) {
        status.set(why);
        services.dialogs().showInformation("Cannot approve yet", why);
    }

    private void fail(Exception failure) {
        String message = failure instanceof InputException ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        status.set("Approval failed: " + message);
        services.dialogs().showError("Approval failed", message);
    }

    /**
     * A results file's run, as {@code perf-gate approve --results} records it: measured now, on the
     * project's commit, on the host its host file names. Results without a host file (not written
     * by {@code perf-gate run}) have no host class and go into the baseline's set of unknown class.
     */
    private Run runOf(ResultsFile file, Workspace ws) {
        List<BenchmarkResult> results = file.results();
        RunSettings settings = results.isEmpty() ? RunSettings.UNKNOWN : results.get(0).settings();
        PlatformKey platform = ws.platform().orElseGet(() -> services.detector().platformKey());
        Vcs vcs = Vcs.of(ws.projectDir().orElseThrow());
        HostIdentity host;
        try {
            host = HostFile.read(file.file(), platform).map(hosts -> hosts.get(0).host()).orElse(null);
        } catch (InputException e) {
            host = null;
        }
        return Run.measured(services.clock().instant(), vcs.commit(), vcs.branch(), platform,
                services.detector().fingerprint(settings), host, results);
    }
}

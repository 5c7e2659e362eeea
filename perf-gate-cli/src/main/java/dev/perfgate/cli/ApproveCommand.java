package dev.perfgate.cli;

import dev.perfgate.core.baseline.Approval;
import dev.perfgate.core.baseline.Approver;
import dev.perfgate.core.baseline.ApprovalService;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code perf-gate approve}: writes results into the baseline, shows the diff. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Writes results (all, or --only REGEX) into baselines/<platform>.json with who, when and why, "
                + "prints the unified diff of the file for review, and records the run and the approval in the "
                + "history. Refuses benchmarks whose fork-to-fork variation exceeds --max-noise unless --allow-noisy, "
                + "and benchmarks whose measured iterations had not settled (warm-up left in them) unless "
                + "--allow-unsettled.")
final class ApproveCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "FILE",
            description = "A JMH JSON results file; without it the benchmarks are run first.")
    Path results;

    @Option(names = "--reason", paramLabel = "TEXT", required = true,
            description = "Why these values are right (the reviewer reads it).")
    String reason;

    @Option(names = "--only", paramLabel = "REGEX", description = "Approve only benchmarks matching this.")
    String only;

    @Option(names = "--approver", paramLabel = "NAME", description = "Who approves (default: user.name).")
    String approver;

    @Mixin
    VcsOptions vcs;

    @Option(names = "--dry-run", description = "Print the diff only; write nothing.")
    boolean dryRun;

    @Option(names = "--allow-noisy", description = "Approve even benchmarks whose forks vary more than --max-noise.")
    boolean allowNoisy;

    @Option(names = "--allow-unsettled",
            description = "Approve even benchmarks whose measured iterations had not settled: a first iteration far "
                    + "off the rest of its fork, or iterations still getting faster or slower.")
    boolean allowUnsettled;

    @Option(names = "--max-noise", paramLabel = "PCT", defaultValue = "5",
            description = "Largest fork-to-fork variation (coefficient of variation) accepted, in percent "
                    + "(default: ${DEFAULT-VALUE}).")
    double maxNoisePct;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        if (reason.isBlank()) {
            throw new UsageException("--reason must say why the new values are right");
        }
        if (!(maxNoisePct > 0)) {
            throw new UsageException("--max-noise must be > 0 but was " + maxNoisePct);
        }
        Pattern selection = compile(only);
        PlatformKey platform = platform();
        if (results != null) {
            warnIgnoredRunOptions();
        }
        Path file = results != null ? results : runBenchmarks(run);
        if (PartialResults.isPartial(file)) {
            err().println("perf-gate: " + file + " is a partial result (a stopped or failed run): approving only "
                    + "the benchmarks that finished; the baseline keeps its entries for the others");
        }
        List<BenchmarkResult> all = read(file);
        List<BenchmarkResult> selected = Approver.select(all, selection);
        if (selected.isEmpty()) {
            throw new UsageException("--only '" + only + "' matches none of the " + all.size()
                    + " benchmarks in " + file);
        }
        Approver approverRule = new Approver(maxNoisePct);
        Map<BenchmarkId, String> noisy = approverRule.noisy(selected);
        Map<BenchmarkId, String> unsettled = Approver.unsettled(selected);
        List<String> refused = new ArrayList<>();
        if (!noisy.isEmpty() && !allowNoisy) {
            refused.add(noisy.size() + " noisy benchmark" + (noisy.size() == 1 ? "" : "s") + ": " + list(noisy)
                    + ". A baseline must be stable: rerun with more forks or a quieter machine, or pass --allow-noisy");
        }
        if (!unsettled.isEmpty() && !allowUnsettled) {
            refused.add(unsettled.size() + " unsettled benchmark" + (unsettled.size() == 1 ? "" : "s") + ": "
                    + list(unsettled) + ". A baseline must measure the code, not its warm-up: rerun with that "
                    + "setting, or pass --allow-unsettled");
        }
        if (!refused.isEmpty()) {
            throw new UsageException("refusing to approve " + String.join("; and ", refused));
        }
        unsettled.forEach((id, why) -> err().println("perf-gate: warning: approving unsettled " + id.display() + ": "
                + why));
        noisy.forEach((id, why) -> err().println("perf-gate: warning: approving noisy " + id.display() + ": " + why));
        // The host is measured (when the results have no host file) only once the results are known to be approvable.
        Run measured = newRun(file, all, platform, vcs);
        Approval approval = new Approval(clock.instant(),
                approver != null ? approver : System.getProperty("user.name", ""), reason.strip(),
                measured.commit(), measured.runId());
        ApprovalService service = new ApprovalService(project.projectDir, clock, approverRule);
        ApprovalService.Outcome outcome = dryRun ? service.preview(measured, selected, approval)
                : service.approve(measured, selected, approval);
        reportTorn(outcome.tornHistory());
        out().print(outcome.diff().isEmpty() ? "perf-gate: " + outcome.relativePath() + " is unchanged\n"
                : outcome.diff());
        if (dryRun) {
            out().println("perf-gate: dry run: nothing written");
        } else {
            // A first baseline is a new file, which git diff does not show until it is added.
            boolean created = outcome.diff().startsWith("--- /dev/null");
            out().println("perf-gate: approved " + selected.size() + " benchmark" + (selected.size() == 1 ? "" : "s")
                    + " into " + outcome.path() + "; review with '" + (created ? "git add -N " + outcome.relativePath()
                    + " && " : "") + "git diff " + outcome.relativePath() + "' and commit it");
        }
        return ExitCodes.OK;
    }

    private static String list(Map<BenchmarkId, String> reasons) {
        return reasons.entrySet().stream().map(e -> e.getKey().display() + " (" + e.getValue() + ")")
                .collect(Collectors.joining("; "));
    }

    private static Pattern compile(String regex) throws UsageException {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--only: invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }
}

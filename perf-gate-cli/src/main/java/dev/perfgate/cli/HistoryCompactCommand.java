package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.history.HistoryCompactor;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.PlatformKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code perf-gate history compact}: drops the per-fork samples of old runs, keeping their summaries. */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Drop the per-fork and per-iteration samples of old runs from history/<platform>.jsonl, "
                + "keeping each run's scores, errors, units, fork and iteration counts, allocation, host class, "
                + "commit, branch and time, so every trend and change point stays as it was.",
            "Kept whole whatever their age: runs named by an approval in the history or by an entry of "
                + "baselines/<platform>.json, and the run at each change point and the one before it. The file is "
                + "rewritten atomically under the lock appends take; compacting it again changes nothing."})
final class HistoryCompactCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--keep-samples", paramLabel = "AGE|N", defaultValue = "90d",
            description = "Runs that keep their samples: those less than AGE days older than the newest run in the "
                    + "file (e.g. 90d), or the newest N runs (e.g. 30; 0 keeps none but the runs kept whole "
                    + "anyway) (default: ${DEFAULT-VALUE}).")
    String keepSamples;

    @Override
    public Integer call() throws Exception {
        HistoryCompactor.KeepSamples keep;
        try {
            keep = HistoryCompactor.KeepSamples.parse(keepSamples);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--keep-samples: " + e.getMessage());
        }
        PlatformKey platform = platform();
        HistoryStore store = new HistoryStore(project.projectDir, clock);
        Path file = store.path(platform);
        Set<String> baselineRuns = baselineRunIds(platform);
        HistoryCompactor.Outcome o = new HistoryCompactor(store, clock).compact(file, platform, keep, baselineRuns);
        o.tornMovedTo().ifPresent(p -> err().println("perf-gate: the history's last line was torn (an interrupted "
                + "write); moved it to " + p));
        out().println(file + ": " + o.lines() + " lines: " + plural(o.runs(), "run") + ", "
                + plural(o.approvals(), "approval"));
        out().println("  compacted " + plural(o.compacted(), "run") + " (samples dropped, summaries kept)");
        out().println("  kept whole " + plural(o.keptWhole(), "run") + (o.keptWhole() == 0 ? "" : ": "
                + o.recent() + " within --keep-samples " + keep + (keep.days() > 0 && o.newest() != null
                ? " of the newest run (" + o.newest() + ")" : "") + ", "
                + o.approved() + " approved, " + o.inBaseline() + " in the baseline, " + o.atChangePoint()
                + " at or just before a change point"
                + (o.unreproducible() == 0 ? "" : ", " + o.unreproducible() + " whose compacted line would not read "
                + "back the same") + " (a run may have several reasons)"));
        out().println("  already compact " + plural(o.alreadyCompact(), "run"));
        out().println("  " + o.bytesBefore() + " -> " + o.bytesAfter() + " bytes"
                + (o.written() ? " (" + String.format(Locale.ROOT, "%.1f", (double) o.bytesBefore()
                / Math.max(1, o.bytesAfter())) + "x smaller)" : " (unchanged, nothing written)"));
        out().flush();
        return ExitCodes.OK;
    }

    /** Ids of the runs the baseline's entries were approved from (each entry's {@code approval.run_id}). */
    private Set<String> baselineRunIds(PlatformKey platform) throws InputException {
        Set<String> ids = new HashSet<>();
        Optional<BaselineFile> baseline = new BaselineStore(project.projectDir).read(platform);
        for (Baseline set : baseline.map(BaselineFile::sets).orElse(java.util.List.of())) {
            for (BaselineEntry entry : set.entries()) {
                if (!entry.approval().runId().isEmpty()) {
                    ids.add(entry.approval().runId());
                }
            }
        }
        return ids;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

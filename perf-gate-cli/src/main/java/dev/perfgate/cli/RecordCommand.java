package dev.perfgate.cli;

import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code perf-gate record}: appends a run to the history. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Appends a results file to history/<platform>.jsonl as one run.",
            "With --from-history, appends the runs another history file holds instead (e.g. the one "
                + "'record' wrote on the CI runner that measured them), skipping runs already recorded."})
final class RecordCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "FILE", defaultValue = "target/perf-gate/results.json",
            description = "The JMH JSON results to record (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--from-history", paramLabel = "FILE",
            description = "Append the runs of this history file (each to its own platform's history) instead of "
                    + "a results file. Machine and commit are kept as recorded there.")
    Path fromHistory;

    @Mixin
    VcsOptions vcs;

    @Override
    public Integer call() throws Exception {
        HistoryStore history = new HistoryStore(project.projectDir, clock);
        if (fromHistory != null) {
            return copyRuns(history);
        }
        PlatformKey platform = platform();
        Run run = newRun(results, read(results), platform, vcs);
        append(history, run);
        return ExitCodes.OK;
    }

    private void append(HistoryStore history, Run run) throws java.io.IOException {
        reportTorn(history.append(run.platform(), new HistoryRecord.RunRecord(run)));
        out().println("perf-gate: recorded run " + run.runId() + " (" + run.results().size() + " benchmarks"
                + (run.commit().isEmpty() ? "" : ", commit " + run.commit()) + ") in " + history.path(run.platform()));
    }

    private int copyRuns(HistoryStore history) throws Exception {
        List<Run> runs = new ArrayList<>();
        history.stream(fromHistory, (lineNo, record) -> {
            if (record instanceof HistoryRecord.RunRecord r) {
                runs.add(r.run());
            }
        });
        if (runs.isEmpty()) {
            throw new UsageException("--from-history " + fromHistory + " holds no runs");
        }
        Map<PlatformKey, Set<String>> known = new HashMap<>();
        for (Run run : runs) {
            Set<String> ids = known.computeIfAbsent(run.platform(), p -> new HashSet<>());
            if (ids.isEmpty()) {
                history.stream(history.path(run.platform()), (lineNo, record) -> {
                    if (record instanceof HistoryRecord.RunRecord r) {
                        ids.add(r.run().runId());
                    }
                });
            }
            if (!ids.add(run.runId())) {
                out().println("perf-gate: run " + run.runId() + " is already in " + history.path(run.platform()));
                continue;
            }
            append(history, run);
        }
        return ExitCodes.OK;
    }
}

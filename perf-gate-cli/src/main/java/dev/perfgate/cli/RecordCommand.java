package dev.perfgate.cli;

import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perf-gate record}: appends a run to the history. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Appends a results file to history/<platform>.jsonl as one run.")
final class RecordCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "FILE", defaultValue = "target/perf-gate/results.json",
            description = "The JMH JSON results to record (default: ${DEFAULT-VALUE}).")
    Path results;

    @Mixin
    VcsOptions vcs;

    @Override
    public Integer call() throws Exception {
        PlatformKey platform = platform();
        Run run = newRun(read(results), platform, vcs);
        HistoryStore history = new HistoryStore(project.projectDir, clock);
        reportTorn(history.append(platform, new HistoryRecord.RunRecord(run)));
        out().println("perf-gate: recorded run " + run.runId() + " (" + run.results().size() + " benchmarks"
                + (run.commit().isEmpty() ? "" : ", commit " + run.commit()) + ") in " + history.path(platform));
        return ExitCodes.OK;
    }
}

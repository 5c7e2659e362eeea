package dev.perfgate.cli;

import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.report.Text;
import dev.perfgate.core.shard.ShardPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code perf-gate run}: runs the benchmarks (or one shard of them) and writes JMH JSON. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs JMH benchmarks (default: the bundled kernel benchmarks) with a profile, shows "
                + "progress, and writes JMH's JSON results unaltered. With --shard I/N it runs only its "
                + "share of the benchmark methods; combine the shards' files with merge.")
final class RunCommand extends CommandSupport implements Callable<Integer> {

    @Mixin
    RunOptions run;

    @Option(names = "--shard", paramLabel = "I/N", converter = Shard.Converter.class,
            description = "Run shard I of N (1-based, e.g. 2/4): a deterministic 1/N of the benchmark methods "
                    + "(after --include), balanced by the expected time of each method from "
                    + "baselines/<platform>.json. Every shard must use the same jar, --include and platform.")
    Shard shard;

    @Override
    public Integer call() throws Exception {
        Path results;
        if (shard == null) {
            results = runBenchmarks(run);
        } else {
            Optional<Path> ran = runShard();
            if (ran.isEmpty()) {
                return ExitCodes.OK;
            }
            results = ran.get();
        }
        List<BenchmarkResult> read = read(results);
        int width = Math.min(120, read.stream().mapToInt(r -> r.id().displayWithMode().length()).max().orElse(9));
        String row = "%-" + width + "s %12s  %-8s %5s %7s";
        out().println(String.format(Locale.ROOT, row, "Benchmark", "Score", "Unit", "Forks", "Noise"));
        for (BenchmarkResult r : read) {
            double cv = r.primary().forkCv();
            out().println(String.format(Locale.ROOT, row.replace("%5s %7s", "%5d %7s"),
                    Text.plain(r.id().displayWithMode(), width),
                    Text.score(r.primary().score()), r.primary().unit(), r.primary().forkCount(),
                    Double.isNaN(cv) ? "-" : String.format(Locale.ROOT, "%.1f%%", cv * 100)));
        }
        out().println("perf-gate: results written to " + results);
        return ExitCodes.OK;
    }

    /**
     * Plans the shards, runs this one's methods, and returns the results file; empty when this shard
     * has nothing to run (its results file then holds an empty array).
     */
    private Optional<Path> runShard() throws Exception {
        PlatformKey platform = platform();
        List<String> methods = new JmhRunner(err()).methods(run);
        // Every shard computes the same split: from the settings each method will run with (its plan's,
        // or the fixed profile's) and its number of benchmarks in the baseline.
        Optional<Baseline> planSet = PlannedRuns.planSet(run, project.projectDir, platform, err());
        Optional<Baseline> baseline = planSet.isPresent() ? planSet
                : new BaselineStore(project.projectDir).read(platform).flatMap(BaselineFile::latest);
        PlannedRuns.Selection selection = PlannedRuns.select(run, methods, planSet, "baselines/" + platform + ".json");
        Map<String, Double> known = baseline.isEmpty() ? Map.of()
                : PlannedRuns.expectedSeconds(selection, baseline.get());
        ShardPlan plan = ShardPlan.of(methods, known, shard.count());
        List<String> mine = plan.methods(shard.index());
        if (mine.isEmpty()) {
            SafeFiles.writeAtomically(run.out, "[]\n");
            err().println("perf-gate: shard " + shard + " has no benchmarks to run (" + methods.size() + " method"
                    + (methods.size() == 1 ? "" : "s") + " for " + shard.count() + " shards); wrote an empty "
                    + "result list to " + run.out);
            return Optional.empty();
        }
        long knownCount = methods.stream().filter(known::containsKey).count();
        String balance = baseline.isEmpty() ? "no baseline for " + platform + ": every method counts the same"
                : knownCount == 0 ? "none in the baseline of " + platform + ": every method counts the same"
                : knownCount == methods.size() ? (selection.plans().isEmpty() ? "balanced by the baseline"
                        : "balanced by the baseline's run plans")
                : (methods.size() - knownCount) + " not in the baseline counted at the median";
        err().println(String.format(Locale.ROOT, "perf-gate: shard %s runs %d of %d benchmark methods "
                        + "(%.0f%% of the expected time; %s): %s", shard, mine.size(), methods.size(),
                100 * plan.load(shard.index()) / plan.totalLoad(), balance, String.join(", ", mine)));
        err().flush();
        return Optional.of(runBenchmarks(run, mine, planSet));
    }
}

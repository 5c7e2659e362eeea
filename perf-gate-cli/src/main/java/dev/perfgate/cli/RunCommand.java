package dev.perfgate.cli;

import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.report.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code perf-gate run}: runs the benchmarks and writes JMH JSON. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs JMH benchmarks (default: the bundled kernel benchmarks) with a profile, shows "
                + "progress, and writes JMH's JSON results unaltered.")
final class RunCommand extends CommandSupport implements Callable<Integer> {

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        Path results = runBenchmarks(run);
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
}

package dev.perfgate.cli;

import dev.perfgate.core.gate.Gate;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.report.ConsoleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code perf-gate compare A.json B.json}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares two JMH result files directly, A the base and B the candidate, with the same "
                + "statistics and reports as check. With --project-dir, the Markdown report draws each "
                + "benchmark's trend from that project's history, B as the latest point.")
final class CompareCommand extends CommandSupport implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A.json", description = "The base results.")
    Path base;

    @Parameters(index = "1", paramLabel = "B.json", description = "The candidate results.")
    Path candidate;

    @Mixin
    GateOptions gate;

    @Override
    public Integer call() throws Exception {
        List<BenchmarkResult> a = read(base);
        List<BenchmarkResult> b = read(candidate);
        GateReport report = new Gate(gate.policy()).compare(a, b, Map.of());
        Fingerprint fa = jvmOnly(settings(a));
        Fingerprint fb = jvmOnly(settings(b));
        List<String> notes = new ArrayList<>(fb.differencesFrom(fa));
        HostIdentity hb = HostFile.hostOf(candidate, platform());
        HostIdentity ha = HostFile.hostOf(base, platform());
        String reason = HostIdentity.advisoryReason(hb, fb, ha, fa, base.toString());
        // "here" in the reason is the candidate.
        reason = reason.isEmpty() ? "" : candidate + " against " + base + ": " + reason;
        if (hb != null && ha != null) {
            notes.addAll(hb.detailsDifferingFrom(ha));
        }
        report = report.withContext(project.platform == null ? "" : platform().toString(), notes,
                gate.strict ? "" : reason);
        boolean withHistory = gate.markdown != null
                && spec.commandLine().getParseResult().hasMatchedOption("--project-dir");
        gate.writeReports(report, withHistory
                ? RecentHistory.of(report, project.projectDir, platform(), hb == null ? null : hb.hostClass(), clock,
                err()) : List.of());
        out().print(ConsoleReport.render(report));
        out().flush();
        return report.fails() ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    /** What a JMH file says of its JVM; the machine is unknown. */
    private static Fingerprint jvmOnly(RunSettings s) {
        return new Fingerprint("", 0, s.vmName(), s.jdkVersion(), s.jvmArgs(), "", "");
    }
}

package dev.perfgate.cli;

import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.report.JsonReport;
import dev.perfgate.core.report.JunitReport;
import dev.perfgate.core.report.MarkdownReport;
import dev.perfgate.core.stats.GatePolicy;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/** Options of the commands that decide: threshold, strictness and report files. */
final class GateOptions {

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5",
            description = "Regression threshold in percent (default: ${DEFAULT-VALUE}); a benchmark's own "
                    + "threshold_pct in the baseline wins.")
    double thresholdPct;

    @Option(names = "--strict",
            description = "Fail on regressions even when the CPU model or JDK version differs from the baseline's.")
    boolean strict;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the report as Markdown.")
    Path markdown;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the report as JUnit XML.")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    GatePolicy policy() throws UsageException {
        try {
            return GatePolicy.DEFAULT.withThreshold(thresholdPct);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--threshold: " + e.getMessage());
        }
    }

    /** Writes the requested report files, each atomically. */
    void writeReports(GateReport report) throws IOException {
        write(markdown, report, MarkdownReport::render);
        write(junit, report, JunitReport::render);
        write(json, report, JsonReport::render);
    }

    private static void write(Path file, GateReport report, Function<GateReport, String> format) throws IOException {
        if (file != null) {
            SafeFiles.writeAtomically(file, format.apply(report));
        }
    }
}

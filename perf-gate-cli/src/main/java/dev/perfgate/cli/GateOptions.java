package dev.perfgate.cli;

import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.report.JsonReport;
import dev.perfgate.core.report.JunitReport;
import dev.perfgate.core.report.MarkdownReport;
import dev.perfgate.core.stats.GatePolicy;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Options of the commands that decide: threshold, strictness and report files. */
final class GateOptions {

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5",
            description = "Regression threshold in percent (default: ${DEFAULT-VALUE}); a benchmark's own "
                    + "threshold_pct in the baseline wins.")
    double thresholdPct;

    @Option(names = "--strict",
            description = "Fail on regressions even when no baseline is of this host's class (instruction set, "
                    + "vector width, cores or JDK differ): the verdicts are otherwise advisory.")
    boolean strict;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write the report as Markdown for a pull-request comment or job summary: starts with "
                    + "the marker " + MarkdownReport.MARKER + ", keeps within --markdown-max-bytes (least important "
                    + "rows left out first) and shows each benchmark's trend when the project has a history.")
    Path markdown;

    @Option(names = "--markdown-max-bytes", paramLabel = "N", defaultValue = "" + MarkdownReport.MAX_BYTES,
            description = "Most UTF-8 bytes of the Markdown report (default: ${DEFAULT-VALUE}, at least "
                    + MarkdownReport.MIN_BYTES + "), e.g. half the default when two platforms share one comment.")
    int markdownMaxBytes;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the report as JUnit XML.")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    /**
     * The gate policy. Every deciding command asks for it first, so it also checks the report
     * options: a bad one fails (exit 2) before any benchmark runs.
     */
    GatePolicy policy() throws UsageException {
        if (markdownMaxBytes < MarkdownReport.MIN_BYTES) {
            throw new UsageException("--markdown-max-bytes must be at least " + MarkdownReport.MIN_BYTES
                    + " but was " + markdownMaxBytes);
        }
        try {
            return GatePolicy.DEFAULT.withThreshold(thresholdPct);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--threshold: " + e.getMessage());
        }
    }

    /** Writes the requested report files, each atomically; the Markdown without a Trend column. */
    void writeReports(GateReport report) throws IOException {
        writeReports(report, List.of());
    }

    /**
     * Writes the requested report files, each atomically.
     *
     * @param history recent trends of the report's benchmarks for the Markdown's Trend column; may be empty
     */
    void writeReports(GateReport report, List<Trend> history) throws IOException {
        write(markdown, report, r -> MarkdownReport.render(r, history, markdownMaxBytes));
        write(junit, report, JunitReport::render);
        write(json, report, JsonReport::render);
    }

    private static void write(Path file, GateReport report, Function<GateReport, String> format) throws IOException {
        if (file != null) {
            SafeFiles.writeAtomically(file, format.apply(report));
        }
    }
}

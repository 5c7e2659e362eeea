package dev.perfgate.analyzer.compare;

import dev.perfgate.core.history.RunInfo;
import dev.perfgate.analyzer.project.ResultsFile;
import dev.perfgate.core.baseline.Baseline;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Something a comparison can take as its base or its candidate. */
public sealed interface RunChoice {

    /** The text a choice box shows. */
    String label();

    DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The platform's reviewed baseline (as {@code perf-gate check} compares with). */
    record BaselineChoice(Baseline baseline) implements RunChoice {
        @Override
        public String label() {
            return "Baseline (approved " + TIME.format(baseline.timestamp()) + ")";
        }
    }

    /** A run of the history. */
    record HistoryRun(Path file, RunInfo run) implements RunChoice {
        @Override
        public String label() {
            return run.runId() + "  " + TIME.format(run.timestamp())
                    + (run.commit().isEmpty() ? "" : "  " + run.shortCommit());
        }
    }

    /** An opened JMH results file. */
    record ResultsChoice(ResultsFile file) implements RunChoice {
        @Override
        public String label() {
            return file.label() + " (file, " + file.results().size() + " benchmarks)";
        }
    }
}

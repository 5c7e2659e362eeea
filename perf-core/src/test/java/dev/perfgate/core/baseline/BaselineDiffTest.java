package dev.perfgate.core.baseline;

import dev.perfgate.core.InputException;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.perfgate.core.baseline.BaselineFixtures.COSINE;
import static dev.perfgate.core.baseline.BaselineFixtures.LINUX;
import static dev.perfgate.core.baseline.BaselineFixtures.MATRIX;
import static dev.perfgate.core.baseline.BaselineFixtures.TOKENIZE;
import static dev.perfgate.core.baseline.BaselineFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

/** Approving one benchmark must show a reviewer a diff of that benchmark's lines and the file header only. */
class BaselineDiffTest {

    private static final Instant FIRST = Instant.parse("2026-11-20T09:30:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-27T14:05:00Z");
    private static final Fingerprint NEWER_JDK_PATCH = new Fingerprint("AMD EPYC 9R14", 16, "Eclipse Adoptium",
            "17.0.16", List.of("-Xmx2g", "-XX:+UseG1GC"), "Linux", "6.1.0-18-amd64");
    private static final Set<String> HEADER_KEYS_THAT_MAY_CHANGE = Set.of("cpu", "timestamp", "cpu_model",
            "logical_cores", "jdk_vendor", "jdk_version", "jvm_flags", "os_name", "os_version");
    private static final Pattern KEY = Pattern.compile("^\\s*\"([a-z_]+)\" :");

    @TempDir
    Path project;

    private final Approver approver = new Approver(Approver.DEFAULT_MAX_NOISE_PCT);

    @Test
    void approvingOneBenchmarkIntoTheGoldenBaselineChangesOnlyItsLinesAndTheHeader() throws Exception {
        BaselineStore store = new BaselineStore(project);
        store.update(LINUX, current -> BaselineFixtures.file(), false);

        BaselineStore.Change change = approveChangedMatrix(store);

        assertOnlyMatrixAndHeaderChanged(change);
    }

    /**
     * The realistic sequence: a fresh JMH run (samples with all the digits of a double) is approved,
     * then a later run's value of one benchmark.
     */
    @Test
    void approvingOneBenchmarkAfterAFreshRunWasApprovedChangesOnlyItsLinesAndTheHeader() throws Exception {
        BaselineStore store = new BaselineStore(project);
        Run first = BaselineFixtures.run("run-41", FIRST, BaselineFixtures.FINGERPRINT, List.of(
                result(COSINE, BaselineFixtures.rawJmhMeasurement(), BaselineFixtures.cosineAllocation()),
                result(MATRIX, new Measurement("ops/s", 1234567.891234, 4321.987654, List.of(
                        List.of(1231234.56789, 1232345.67891), List.of(1236789.12345, 1237890.23456))), null),
                result(TOKENIZE, new Measurement("s/op", 0.000123456789, Double.NaN, List.of(
                        List.of(0.000123456789, 0.000123456781), List.of(0.000123356789, 0.000123556789))), null)));
        store.update(LINUX, current -> approver.approve(current, first, Approver.select(first.results(), null),
                new Approval(FIRST, "ci-bot", "initial baseline", "0123abc", "run-41")), false);

        BaselineStore.Change change = approveChangedMatrix(store);

        assertOnlyMatrixAndHeaderChanged(change);
    }

    private BaselineStore.Change approveChangedMatrix(BaselineStore store) throws InputException, IOException {
        Measurement slower = new Measurement("ops/s", 1100123.4567, 3210.5, List.of(
                List.of(1099876.54321, 1100234.5678), List.of(1100345.6789, 1100037.0123)));
        Run second = BaselineFixtures.run("run-57", SECOND, NEWER_JDK_PATCH, List.of(
                result(COSINE, BaselineFixtures.cosine(), BaselineFixtures.cosineAllocation()),
                result(MATRIX, slower, null)));
        List<BenchmarkResult> selected = Approver.select(second.results(), Pattern.compile("MatrixMultiply"));
        assertThat(selected).extracting(BenchmarkResult::id).containsExactly(MATRIX);
        return store.update(LINUX, current -> approver.approve(current, second, selected,
                new Approval(SECOND, "alice", "accepted: bounds checks added", "4567def", "run-57")), false);
    }

    private static void assertOnlyMatrixAndHeaderChanged(BaselineStore.Change change) {
        String diff = UnifiedDiff.of("baselines/linux-x86_64.json", change.before(), change.after());
        List<ChangedLine> changed = changedLines(diff);

        assertThat(changed).as("changed lines of%n%s", diff).isNotEmpty();
        for (ChangedLine line : changed) {
            String owner = owner(line.added() ? change.after() : change.before(), line.number());
            if (owner.equals("header")) {
                Matcher key = KEY.matcher(line.text());
                assertThat(key.find() && HEADER_KEYS_THAT_MAY_CHANGE.contains(key.group(1)))
                        .as("header line %s may not change; diff:%n%s", line, diff).isTrue();
            } else {
                assertThat(owner).as("owner of changed line %s; diff:%n%s", line, diff).isEqualTo(MATRIX.name());
            }
        }
        assertThat(changed).anySatisfy(line -> assertThat(line.text()).contains("\"timestamp\""));
        assertThat(changed).anySatisfy(line -> assertThat(line.text()).contains("\"jdk_version\" : \"17.0.16\""));
        assertThat(changed).anySatisfy(line -> assertThat(line.text()).contains("\"reason\" : \"accepted"));
        assertThat(diff).doesNotContain("+      \"benchmark\"").doesNotContain("-      \"benchmark\"");
    }

    /** A line a diff adds (numbered in the new text) or removes (numbered in the old text), 1-based. */
    record ChangedLine(boolean added, int number, String text) {
    }

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

    static List<ChangedLine> changedLines(String diff) {
        List<ChangedLine> out = new ArrayList<>();
        int oldLine = 0;
        int newLine = 0;
        boolean inHunk = false;
        for (String line : diff.split("\n", -1)) {
            Matcher hunk = HUNK.matcher(line);
            if (hunk.find()) {
                oldLine = Integer.parseInt(hunk.group(1));
                newLine = Integer.parseInt(hunk.group(2));
                inHunk = true;
            } else if (!inHunk || line.isEmpty()) {
                continue;
            } else if (line.startsWith("-")) {
                out.add(new ChangedLine(false, oldLine++, line.substring(1)));
            } else if (line.startsWith("+")) {
                out.add(new ChangedLine(true, newLine++, line.substring(1)));
            } else {
                oldLine++;
                newLine++;
            }
        }
        return out;
    }

    /** {@code "header"} or the name of the benchmark whose block holds the 1-based line. */
    static String owner(String text, int lineNumber) {
        String[] lines = text.split("\n", -1);
        String owner = "header";
        Pattern benchmark = Pattern.compile("^      \"benchmark\" : \"([^\"]+)\"");
        for (int i = 0; i < lineNumber && i < lines.length; i++) {
            Matcher m = benchmark.matcher(lines[i]);
            if (m.find()) {
                owner = m.group(1);
            }
        }
        return owner;
    }

    @Test
    void unifiedDiffOfEqualTextsIsEmpty() {
        assertThat(UnifiedDiff.of("f.json", "a\nb\n", "a\nb\n")).isEmpty();
    }

    @Test
    void unifiedDiffOfANewFileComesFromDevNull() {
        String diff = UnifiedDiff.of("baselines/linux-x86_64.json", "", "a\nb\n");

        assertThat(diff).startsWith("--- /dev/null\n+++ b/baselines/linux-x86_64.json\n").contains("+a\n+b\n")
                .endsWith("\n");
    }

    @Test
    void unifiedDiffShowsThreeLinesOfContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        String diff = UnifiedDiff.of("f", before, after);

        assertThat(diff).isEqualTo("--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
        assertThat(changedLines(diff)).containsExactly(new ChangedLine(false, 5, "5"), new ChangedLine(true, 5, "five"));
    }
}

package dev.perfgate.core.report;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.stats.Decision;
import dev.perfgate.core.stats.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.perfgate.core.report.MarkdownFixtures.cells;
import static dev.perfgate.core.report.MarkdownFixtures.tableRows;
import static dev.perfgate.core.report.MarkdownFixtures.trend;
import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown report of many benchmarks fits a GitHub comment and keeps what matters. */
class MarkdownBudgetTest {

    /** GitHub's limit on a comment body. */
    private static final int GITHUB_LIMIT = 65_536;

    private static final Pattern LEFT_OUT = Pattern.compile("\\*\\*(\\d+) of (\\d+) rows left out\\*\\*");

    /** Markup a hostile name tries to inject; none may survive escaping. */
    private static final List<String> INJECTIONS = List.of("<script", "<img", "<b>", "<details", "@team", "@org",
            "**b**", "[l](http", "`c`", ":x: owned", "\u202e", "\u0000", "\r", "\t", "\u200b");

    private static final String HOSTILE = "|<script>alert(1)</script>@team **b** [l](http://e) `c` :x: owned "
            + "<details open>\n| --- |\r\t\u202e\u0000\u200b#1 &amp; \\| \uD83D\uDE00";

    @Test
    void thousandBenchmarksFitInACommentAndSayHowManyRowsWereLeftOut() {
        GateReport report = thousandBenchmarks(i -> "dev.perfgate.kernels.generated.Kernel" + i + "Benchmark.run");

        String markdown = MarkdownReport.render(report, trendsOf(report));

        assertFitsAComment(markdown, MarkdownReport.MAX_BYTES);
        assertThat(markdown).startsWith(MarkdownReport.MARKER + "\n### :x: perf-gate: regression");
        List<String> rows = tableRows(markdown).subList(2, tableRows(markdown).size());
        Matcher leftOut = LEFT_OUT.matcher(markdown);
        assertThat(leftOut.find()).as("says rows were left out").isTrue();
        assertThat(Integer.parseInt(leftOut.group(2))).isEqualTo(report.rows().size());
        assertThat(Integer.parseInt(leftOut.group(1))).isEqualTo(report.rows().size() - rows.size());
        assertThat(markdown).contains("rows left out** to fit a pull-request comment: ")
                .contains("Every row is in the full reports (`--json`, `--junit`) and the console output.");
        assertThat(markdown.indexOf("rows left out")).as("the count ends the table")
                .isGreaterThan(markdown.lastIndexOf("\n|"));

        long regressions = report.rows().stream().filter(r -> r.decision().verdict() == Verdict.REGRESSION).count();
        long inconclusive = report.rows().stream().filter(r -> r.decision().verdict() == Verdict.INCONCLUSIVE).count();
        assertThat(rows.stream().filter(r -> r.endsWith(":x: regression |")).count()).isEqualTo(regressions);
        assertThat(rows.stream().filter(r -> r.endsWith(":grey_question: inconclusive |")).count())
                .isEqualTo(inconclusive);
        assertThat(rows.stream().filter(r -> r.endsWith(" unchanged |")).count()).as("some unchanged rows still fit")
                .isPositive();
        assertThat(markdown).as("notes of kept rows").contains("14 forks needed");
        assertKeptRowsInReportOrder(report, rows);
        assertThat(rows).allSatisfy(row -> {
            assertThat(cells(row)).as(row).hasSize(9);
            assertThat(cells(row).get(4)).matches(" [\u2581-\u2588 ]* ");
        });
        assertThat(rows.stream().filter(r -> r.contains(" | us/op | ") && !r.contains(" new |")
                && !r.contains(" missing |"))).isNotEmpty().allSatisfy(row -> assertThat(cells(row).get(4).strip())
                .as("20 recorded runs and this one").hasSize(MarkdownReport.TREND_RUNS + 1));
    }

    @Test
    void hostileNamesStayEscapedInASummarizedReportWithTrends() {
        GateReport report = thousandBenchmarks(i -> "x.Hostile" + i + HOSTILE
                + (i % 10 == 0 ? "&".repeat(50_000) : ""));

        String markdown = MarkdownReport.render(report, trendsOf(report));

        assertFitsAComment(markdown, MarkdownReport.MAX_BYTES);
        assertThat(markdown).doesNotContain(INJECTIONS.toArray(String[]::new));
        assertThat(markdown.replace(MarkdownReport.MARKER, "").replace("<sub>", "").replace("</sub>", ""))
                .as("no HTML but the marker and the legend's").doesNotContain("<");
        List<String> rows = tableRows(markdown);
        assertThat(rows.size()).isGreaterThan(100);
        assertThat(rows).allSatisfy(row -> assertThat(cells(row)).as(row).hasSize(9));
        assertThat(rows.subList(2, rows.size())).allSatisfy(row ->
                assertThat(cells(row).get(4).strip()).matches("[\u2581-\u2588]*"));
        assertThat(markdown).containsPattern(LEFT_OUT);
    }

    @Test
    void whenNotEvenTheRegressionsFitTheLeftOutLineCountsThem() {
        List<ComparisonRow> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(ReportFixtures.regression(BenchmarkId.of("x.Slow" + i + "&".repeat(300), Mode.AVERAGE_TIME,
                    Map.of("p", "@".repeat(300)))));
        }
        rows.add(ReportFixtures.improvement());
        GateReport report = new GateReport("linux-x86_64", 5.0, rows, List.of(), "");

        String markdown = MarkdownReport.render(report);

        assertFitsAComment(markdown, MarkdownReport.MAX_BYTES);
        List<String> table = tableRows(markdown).subList(2, tableRows(markdown).size());
        assertThat(table).isNotEmpty().allSatisfy(row -> assertThat(row).endsWith(":x: regression |"));
        assertThat(markdown).containsPattern("of 401 rows left out\\*\\* to fit a pull-request comment: "
                + (401 - table.size() - 1) + " regressions, 1 improvement\\.");
    }

    @Test
    void manyLongFingerprintNotesAreCutToo() {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            notes.add("JVM flags: " + "<&>".repeat(1000));
        }
        GateReport report = new GateReport("x".repeat(5000), 5.0, List.of(ReportFixtures.regression(
                ReportFixtures.COSINE)), notes, "the CPU differs");

        String markdown = MarkdownReport.render(report);

        assertFitsAComment(markdown, MarkdownReport.MAX_BYTES);
        assertThat(markdown).containsPattern("> \u2026 and \\d+ more differences").contains(":x: regression |");
    }

    @Test
    void anyReportStaysWithinAnyBudget() {
        Random random = new Random(20_260_101L);
        for (int round = 0; round < 25; round++) {
            int maxBytes = MarkdownReport.MIN_BYTES
                    + random.nextInt(MarkdownReport.MAX_BYTES - MarkdownReport.MIN_BYTES + 1);
            List<ComparisonRow> rows = new ArrayList<>();
            List<Trend> trends = new ArrayList<>();
            int count = random.nextInt(1000);
            for (int i = 0; i < count; i++) {
                String name = "r" + i + "." + HOSTILE.substring(random.nextInt(HOSTILE.length()))
                        + randomText(random, random.nextInt(50) == 0 ? 20_000 : 60);
                BenchmarkId id = BenchmarkId.of(name, Mode.values()[random.nextInt(Mode.values().length)],
                        random.nextBoolean() ? Map.of() : Map.of("k", randomText(random, 300)));
                Verdict verdict = Verdict.values()[random.nextInt(Verdict.values().length)];
                rows.add(new ComparisonRow(id, random.nextInt(5) == 0 ? "gc.alloc.rate.norm" : ComparisonRow.PRIMARY,
                        random.nextInt(20) == 0 ? randomText(random, 400) : "us/op", random.nextDouble() * 1e9,
                        random.nextInt(10) == 0 ? Double.NaN : -random.nextDouble(), 5.0,
                        new Decision(verdict, random.nextGaussian(), -1, 1, random.nextDouble(), 0.1, 3,
                                random.nextBoolean() ? randomText(random, 1500) : "")));
                if (random.nextBoolean()) {
                    trends.add(trend(id, "ns/op", random.doubles(random.nextInt(40) + 1).toArray()));
                }
            }
            List<String> notes = random.nextInt(3) == 0 ? List.of(randomText(random, 5000), randomText(random, 5000))
                    : List.of();
            GateReport report = new GateReport(randomText(random, 300), 5.0, rows, notes, random.nextBoolean() ? randomText(random, 300) : "");

            String markdown = MarkdownReport.render(report, trends, maxBytes);

            assertFitsAComment(markdown, maxBytes);
            assertThat(markdown).startsWith(MarkdownReport.MARKER + "\n### ");
            assertThat(markdown).doesNotContain(INJECTIONS.toArray(String[]::new));
        }
    }

    private static void assertFitsAComment(String markdown, int maxBytes) {
        int bytes = markdown.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("UTF-8 bytes").isLessThanOrEqualTo(maxBytes).isLessThan(GITHUB_LIMIT);
        assertThat(markdown.length()).as("UTF-16 units").isLessThanOrEqualTo(maxBytes);
        assertThat(markdown.codePointCount(0, markdown.length())).as("code points").isLessThan(GITHUB_LIMIT);
        assertThat(markdown.codePoints().filter(c -> Character.getType(c) == Character.SURROGATE).count())
                .as("unpaired surrogates (they cannot be encoded)").isZero();
    }

    /** The kept rows appear in the same order as in the report. */
    private static void assertKeptRowsInReportOrder(GateReport report, List<String> rows) {
        boolean mixedModes = ReportLabels.mixesModes(report);
        List<String> reportLabels = report.rows().stream()
                .map(r -> "| " + Text.markdown(ReportLabels.label(r, mixedModes)) + " | ").toList();
        int previous = -1;
        for (String row : rows) {
            int index = -1;
            for (int i = previous + 1; i < reportLabels.size() && index < 0; i++) {
                if (row.startsWith(reportLabels.get(i))) {
                    index = i;
                }
            }
            assertThat(index).as("%s comes after row %d of the report", row, previous).isGreaterThan(previous);
            previous = index;
        }
    }

    /**
     * A thousand benchmarks as {@link dev.perfgate.core.gate.Gate} would report them, sorted by identity:
     * 10 regressions, 20 inconclusive with a note, 25 improvements, a few new and missing, the rest
     * unchanged, every fourth with an allocation row.
     */
    private static GateReport thousandBenchmarks(java.util.function.IntFunction<String> name) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            BenchmarkId id = BenchmarkId.of(name.apply(i), Mode.AVERAGE_TIME,
                    Map.of("size", "1024", "variant", "v" + i % 7));
            Verdict verdict = i % 100 == 7 ? Verdict.REGRESSION : i % 50 == 3 ? Verdict.INCONCLUSIVE
                    : i % 40 == 5 ? Verdict.IMPROVEMENT : i % 97 == 11 ? Verdict.NEW
                    : i % 89 == 13 ? Verdict.MISSING : Verdict.UNCHANGED;
            double change = switch (verdict) {
                case REGRESSION -> 0.12;
                case INCONCLUSIVE -> 0.08;
                case IMPROVEMENT -> -0.15;
                default -> 0.004;
            };
            String note = switch (verdict) {
                case INCONCLUSIVE -> "8% worse but not significant with 3 forks; 14 forks needed to detect 5%";
                case NEW -> "not in the baseline yet";
                case MISSING -> "in the baseline but not in this run";
                default -> "";
            };
            double baseline = verdict == Verdict.NEW ? Double.NaN : 12.345 + i;
            double current = verdict == Verdict.MISSING ? Double.NaN : (12.345 + i) * (1 + change);
            rows.add(new ComparisonRow(id, ComparisonRow.PRIMARY, "us/op", baseline, current, 5.0,
                    new Decision(verdict, change, change - 0.02, change + 0.02, 0.012, 0.03, 0, note)));
            if (i % 4 == 0) {
                rows.add(new ComparisonRow(id, "gc.alloc.rate.norm", "B/op", 3104, 3104, 1.0,
                        new Decision(Verdict.UNCHANGED, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "")));
            }
        }
        rows.sort(Comparator.comparing(ComparisonRow::id).thenComparing(r -> r.isPrimary() ? "" : r.metric()));
        return new GateReport("linux-x86_64", 5.0, rows, List.of(), "");
    }

    /** Twenty recorded runs of every primary benchmark, scores drifting up and down. */
    private static List<Trend> trendsOf(GateReport report) {
        List<Trend> trends = new ArrayList<>();
        for (ComparisonRow row : report.rows()) {
            if (row.isPrimary() && row.decision().verdict() != Verdict.NEW) {
                double[] scores = new double[MarkdownReport.TREND_RUNS];
                for (int k = 0; k < scores.length; k++) {
                    scores[k] = row.baseline() * (1 + 0.03 * Math.sin(k + row.baseline()));
                }
                trends.add(trend(row.id(), "us/op", scores));
            }
        }
        return trends;
    }

    private static String randomText(Random random, int maxLength) {
        String alphabet = "ab.|<>&@*_[]()#`\\!~$:-+{}\n\t\u0000\u202e\u00e9\u4e2d\uD83D\uDE00";
        int length = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            int at = random.nextInt(alphabet.length());
            if (Character.isSurrogate(alphabet.charAt(at))) {
                sb.append("\uD83D\uDE00");
            } else {
                sb.append(alphabet.charAt(at));
            }
        }
        return sb.toString();
    }
}

package dev.perfgate.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.history.ChangePoints;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.json.HostJson;
import dev.perfgate.core.json.ModelJson;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The trends of a history as text, Markdown, JSON or a self-contained HTML page (inline SVG,
 * no scripts, no network fetches). Every format lists per benchmark the number of runs, first
 * and latest score, the change between them, and each change point with its commit and shift,
 * labelled as an environment change when the JDK build or the host's speed probe changed with it;
 * JSON and HTML also the baseline and its threshold band, when given. A benchmark that ran on
 * several host classes has one trend per class, titled with the class. On the HTML page each run's
 * point tells, on hover, its run, time, commit and score (an SVG {@code <title>}), and links to the
 * commit when {@link CommitLinks} know where commits are seen.
 */
public final class HistoryReport {

    /** Output formats. */
    public enum Format { TEXT, MARKDOWN, JSON, HTML }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** Version of the JSON format's shape, its {@code schema} field. */
    public static final int SCHEMA_VERSION = 1;

    private HistoryReport() {
    }

    /**
     * A benchmark's current baseline, for the trend page: its score in the trend's unit and the
     * regression threshold that applies to it.
     */
    public record Reference(double score, double thresholdPct) {
    }

    /** Renders trends in a format. */
    public static String render(List<Trend> trends, String platform, Format format) {
        return render(trends, platform, format, t -> null);
    }

    /**
     * Renders trends in a format; the JSON and HTML formats also show each trend's baseline and
     * threshold band when {@code references} gives one for it (the baseline of its host class).
     *
     * @param references a trend's baseline, or null when it has none
     */
    public static String render(List<Trend> trends, String platform, Format format,
                                Function<Trend, Reference> references) {
        return render(trends, platform, format, references, CommitLinks.NONE);
    }

    /**
     * Renders trends in a format, as {@link #render(List, String, Format, Function)}; the HTML page
     * also links each run's point, and the commit of each change point, to the commit's page.
     *
     * @param links where commits are seen; {@link CommitLinks#NONE} for no links
     */
    public static String render(List<Trend> trends, String platform, Format format,
                                Function<Trend, Reference> references, CommitLinks links) {
        return switch (format) {
            case TEXT -> text(trends, platform);
            case MARKDOWN -> markdown(trends, platform);
            case JSON -> json(trends, platform, references);
            case HTML -> html(trends, platform, references, links);
        };
    }

    private static String change(Trend t) {
        double first = t.points().get(0).score();
        double last = t.latest().score();
        return Text.percent(last / first - 1);
    }

    /** The benchmark, and the host class when the trend has one, e.g. {@code Bench.m on linux-x86_64, AVX2, ...}. */
    private static String title(Trend t) {
        return t.id().displayWithMode() + (t.hostClass() == null ? "" : " on " + t.hostClass().label());
    }

    private static String changePoint(Trend t, ChangePoints.ChangePoint cp) {
        Trend.Point p = t.points().get(cp.index());
        return String.format(Locale.ROOT, "%s at run %d (%s%s): %s -> %s %s%s", Text.percent(cp.shift()),
                cp.index() + 1, p.timestamp(), p.commit().isEmpty() ? "" : ", commit " + shortCommit(p.commit()),
                Text.score(cp.before()), Text.score(cp.after()), t.unit(), t.environmentChange(cp)
                        .map(e -> "; an environment change, not necessarily the code's: " + e).orElse(""));
    }

    /** A change point as {@link #changePoint} does, as HTML, its commit linked when {@code links} can. */
    private static String changePointHtml(Trend t, ChangePoints.ChangePoint cp, CommitLinks links) {
        Trend.Point p = t.points().get(cp.index());
        String commit = "";
        if (!p.commit().isEmpty()) {
            String shown = Text.html(shortCommit(p.commit()));
            commit = ", commit " + links.link(p.commit())
                    .map(href -> "<a href=\"" + CommitLinks.attribute(href) + "\">" + shown + "</a>").orElse(shown);
        }
        return String.format(Locale.ROOT, "%s at run %d (%s%s): %s -&gt; %s %s%s", Text.percent(cp.shift()),
                cp.index() + 1, Text.html(p.timestamp().toString()), commit, Text.score(cp.before()),
                Text.score(cp.after()), Text.html(t.unit()), t.environmentChange(cp)
                        .map(e -> "; an environment change, not necessarily the code&#39;s: " + Text.html(e))
                        .orElse(""));
    }

    private static String shortCommit(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static String text(List<Trend> trends, String platform) {
        StringBuilder out = new StringBuilder("perf-gate history (" + platform + "): " + trends.size()
                + " benchmarks\n");
        for (Trend t : trends) {
            out.append(String.format(Locale.ROOT, "%s  %d runs  %s -> %s %s (%s)%n", Text.plain(title(t),
                    Text.MAX_LABEL), t.points().size(), Text.score(t.points().get(0).score()),
                    Text.score(t.latest().score()), t.unit(), change(t)));
            for (ChangePoints.ChangePoint cp : t.changePoints()) {
                out.append("  change point: ").append(Text.plain(changePoint(t, cp), 300)).append('\n');
            }
        }
        return out.toString();
    }

    private static String markdown(List<Trend> trends, String platform) {
        StringBuilder out = new StringBuilder("### perf-gate history (" + Text.markdown(platform) + ")\n\n");
        out.append("| Benchmark | Runs | First | Latest | Change | Change points |\n|:--|--:|--:|--:|--:|:--|\n");
        for (Trend t : trends) {
            StringBuilder cps = new StringBuilder();
            for (ChangePoints.ChangePoint cp : t.changePoints()) {
                cps.append(cps.length() == 0 ? "" : "<br>").append(Text.markdown(changePoint(t, cp)));
            }
            out.append("| ").append(Text.markdown(title(t))).append(" | ").append(t.points().size())
                    .append(" | ").append(Text.score(t.points().get(0).score())).append(" | ")
                    .append(Text.score(t.latest().score())).append(' ').append(Text.markdown(t.unit()))
                    .append(" | ").append(change(t)).append(" | ").append(cps).append(" |\n");
        }
        return out.toString();
    }

    private static String json(List<Trend> trends, String platform, Function<Trend, Reference> references) {
        ObjectNode root = ModelJson.object();
        root.put("schema", SCHEMA_VERSION);
        root.put("platform", platform);
        ArrayNode array = root.putArray("trends");
        for (Trend t : trends) {
            ObjectNode node = array.addObject();
            ModelJson.putId(node, t.id());
            if (t.hostClass() != null) {
                node.set("host_class", HostJson.writeClass(t.hostClass()));
                node.put("host_label", t.hostClass().label());
            }
            node.put("unit", t.unit());
            Reference ref = references.apply(t);
            if (ref != null) {
                node.set("baseline", ModelJson.number(ref.score()));
                node.set("threshold_pct", ModelJson.number(ref.thresholdPct()));
            }
            ArrayNode points = node.putArray("points");
            for (Trend.Point p : t.points()) {
                ObjectNode pn = points.addObject();
                pn.put("run_id", p.runId());
                pn.put("timestamp", p.timestamp().toString());
                pn.put("commit", p.commit());
                pn.set("score", ModelJson.number(p.score()));
                pn.set("score_error", ModelJson.number(p.error()));
            }
            ArrayNode cps = node.putArray("change_points");
            for (ChangePoints.ChangePoint cp : t.changePoints()) {
                ObjectNode c = cps.addObject();
                c.put("index", cp.index());
                c.put("run_id", t.points().get(cp.index()).runId());
                c.put("commit", t.points().get(cp.index()).commit());
                c.set("before", ModelJson.number(cp.before()));
                c.set("after", ModelJson.number(cp.after()));
                c.set("shift_pct", ModelJson.number(cp.shift() * 100));
                c.set("p_value", ModelJson.number(cp.pValue()));
                c.put("environment_change", t.environmentChange(cp).orElse(null));
            }
        }
        try {
            return ModelJson.mapper().writer(new DefaultPrettyPrinter().withObjectIndenter(
                    new DefaultIndenter("  ", "\n"))).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String html(List<Trend> trends, String platform, Function<Trend, Reference> references,
                               CommitLinks links) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>perf-gate history ")
                .append(Text.html(platform)).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "section{margin-bottom:2em}svg{background:#fafafa;border:1px solid #ddd}"
                        + "svg text{font-size:11px;fill:#555}.legend span{margin-right:1.5em}"
                        + ".pts circle{fill:#1565c0;fill-opacity:0}.pts circle:hover,.pts a:focus circle"
                        + "{fill-opacity:.45}</style></head><body>\n"
                        + "<h1>perf-gate history ")
                .append(Text.html(platform)).append("</h1>\n<p class=\"legend\"><span style=\"color:#1565c0\">"
                        + "&#9473; score per run</span><span style=\"color:#2e7d32\">&#9476; baseline, shaded: "
                        + "threshold band</span><span style=\"color:#c00\">&#9482; change point</span>"
                        + "<span>hover over a point for its run, time, commit and score")
                .append(links.enabled() ? "; click it for the commit at " + Text.html(links.repository()) : "")
                .append("</span></p>\n");
        for (Trend t : trends) {
            Reference ref = references.apply(t);
            out.append("<section><h2>").append(Text.html(title(t))).append("</h2>\n<p>")
                    .append(t.points().size()).append(" runs, ").append(Text.score(t.points().get(0).score()))
                    .append(" &rarr; ").append(Text.score(t.latest().score())).append(' ').append(Text.html(t.unit()))
                    .append(" (").append(change(t)).append(")");
            if (ref != null) {
                out.append("; baseline ").append(Text.score(ref.score())).append(' ').append(Text.html(t.unit()))
                        .append(", threshold ").append(ReportLabels.threshold(ref.thresholdPct())).append('%');
            }
            out.append("</p>\n").append(svg(t, ref, links));
            for (ChangePoints.ChangePoint cp : t.changePoints()) {
                out.append("<p>Change point: ").append(changePointHtml(t, cp, links)).append("</p>\n");
            }
            out.append("</section>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    /** A coordinate with one decimal, as the chart's other coordinates ({@code %.1f}), but faster. */
    private static String coordinate(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long tenths = Math.round(v * 10);
        long whole = tenths / 10;
        long tenth = Math.abs(tenths % 10);
        return (tenths < 0 && whole == 0 ? "-" : "") + whole + (tenth == 0 ? "" : "." + tenth);
    }

    /**
     * The trend as an SVG chart: scores over runs, the baseline with its threshold band (either
     * side of it, so that improvements beyond the threshold stand out too), change points, and the
     * value range and first and last run as labels; over each run's point an invisible circle,
     * larger than the line, whose title tells the run and which links to its commit.
     */
    private static String svg(Trend t, Reference ref, CommitLinks links) {
        int width = 760;
        int height = 180;
        int left = 70;
        int right = 10;
        int margin = 10;
        int bottom = 24;
        double min = t.points().stream().mapToDouble(Trend.Point::score).min().orElse(0);
        double max = t.points().stream().mapToDouble(Trend.Point::score).max().orElse(1);
        double low = Double.NaN;
        double high = Double.NaN;
        if (ref != null && Double.isFinite(ref.score())) {
            low = ref.score() * (1 - ref.thresholdPct() / 100);
            high = ref.score() * (1 + ref.thresholdPct() / 100);
            min = Math.min(min, low);
            max = Math.max(max, high);
        }
        double span = max > min ? max - min : Math.max(Math.abs(max), 1e-12);
        double upper = max;
        double lower = min;
        int n = t.points().size();
        double plotWidth = width - left - right;
        double plotHeight = height - margin - bottom;
        java.util.function.IntToDoubleFunction xOf = i -> left + (n == 1 ? plotWidth / 2 : plotWidth * i / (n - 1));
        java.util.function.DoubleUnaryOperator yOf = v -> margin + plotHeight * (upper - v) / span;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" role=\"img\"><title>%s</title>", width, height,
                Text.html(title(t))));
        if (!Double.isNaN(low)) {
            svg.append(String.format(Locale.ROOT, "<rect class=\"band\" fill=\"#e2f0e3\" x=\"%d\" y=\"%.1f\" "
                            + "width=\"%.1f\" height=\"%.1f\"/><line class=\"base\" stroke=\"#2e7d32\" "
                            + "stroke-dasharray=\"6 4\" x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    left, yOf.applyAsDouble(high), plotWidth, yOf.applyAsDouble(low) - yOf.applyAsDouble(high),
                    left, yOf.applyAsDouble(ref.score()), left + plotWidth, yOf.applyAsDouble(ref.score())));
        }
        StringBuilder poly = new StringBuilder();
        for (int i = 0; i < n; i++) {
            poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", xOf.applyAsDouble(i),
                    yOf.applyAsDouble(t.points().get(i).score())));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" "
                + "points=\"%s\"/>", poly.toString().strip()));
        for (ChangePoints.ChangePoint cp : t.changePoints()) {
            double x = xOf.applyAsDouble(cp.index());
            svg.append(String.format(Locale.ROOT, "<line class=\"cp\" stroke=\"#c00\" stroke-dasharray=\"4 3\" x1=\"%.1f\" y1=\"%d\" "
                    + "x2=\"%.1f\" y2=\"%.1f\"/>",
                    x, margin, x, margin + plotHeight));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                        + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                left - 6, margin + 10, Text.html(Text.score(upper) + " " + t.unit()),
                left - 6, margin + plotHeight, Text.html(Text.score(lower) + " " + t.unit())));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                left, height - 6, Text.html(DAY.format(t.points().get(0).timestamp())),
                width - right, height - 6, Text.html(DAY.format(t.latest().timestamp()))));
        svg.append("<g class=\"pts\">");
        String unit = Text.html(t.unit());
        for (int i = 0; i < n; i++) {
            Trend.Point p = t.points().get(i);
            java.util.Optional<String> href = links.link(p.commit());
            href.ifPresent(h -> svg.append("<a href=\"").append(CommitLinks.attribute(h)).append("\">"));
            svg.append("<circle cx=\"").append(coordinate(xOf.applyAsDouble(i))).append("\" cy=\"")
                    .append(coordinate(yOf.applyAsDouble(p.score()))).append("\" r=\"6\"><title>run ")
                    .append(Text.html(p.runId())).append('\n').append(DAY.format(p.timestamp()));
            if (!p.commit().isEmpty()) {
                svg.append("\ncommit ").append(Text.html(shortCommit(p.commit())));
            }
            svg.append('\n').append(Text.score(p.score()));
            if (Double.isFinite(p.error())) {
                svg.append(" \u00b1 ").append(Text.score(p.error()));
            }
            svg.append(' ').append(unit).append("</title></circle>");
            if (href.isPresent()) {
                svg.append("</a>");
            }
        }
        return svg.append("</g></svg>\n").toString();
    }
}

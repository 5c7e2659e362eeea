package dev.perfgate.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.history.ChangePoints;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.json.ModelJson;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The trends of a history as text, Markdown, JSON or a self-contained HTML page (inline SVG,
 * no scripts, no network fetches). Every format lists per benchmark the number of runs, first
 * and latest score, the change between them, and each change point with its commit and shift.
 */
public final class HistoryReport {

    /** Output formats. */
    public enum Format { TEXT, MARKDOWN, JSON, HTML }

    private HistoryReport() {
    }

    /** Renders trends in a format. */
    public static String render(List<Trend> trends, String platform, Format format) {
        return switch (format) {
            case TEXT -> text(trends, platform);
            case MARKDOWN -> markdown(trends, platform);
            case JSON -> json(trends, platform);
            case HTML -> html(trends, platform);
        };
    }

    private static String change(Trend t) {
        double first = t.points().get(0).score();
        double last = t.latest().score();
        return Text.percent(last / first - 1);
    }

    private static String changePoint(Trend t, ChangePoints.ChangePoint cp) {
        Trend.Point p = t.points().get(cp.index());
        return String.format(Locale.ROOT, "%s at run %d (%s%s): %s -> %s %s", Text.percent(cp.shift()), cp.index() + 1,
                p.timestamp(), p.commit().isEmpty() ? "" : ", commit " + shortCommit(p.commit()),
                Text.score(cp.before()), Text.score(cp.after()), t.unit());
    }

    private static String shortCommit(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static String text(List<Trend> trends, String platform) {
        StringBuilder out = new StringBuilder("perf-gate history (" + platform + "): " + trends.size()
                + " benchmarks\n");
        for (Trend t : trends) {
            out.append(String.format(Locale.ROOT, "%s  %d runs  %s -> %s %s (%s)%n", Text.plain(t.id().displayWithMode(),
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
            out.append("| ").append(Text.markdown(t.id().displayWithMode())).append(" | ").append(t.points().size())
                    .append(" | ").append(Text.score(t.points().get(0).score())).append(" | ")
                    .append(Text.score(t.latest().score())).append(' ').append(Text.markdown(t.unit()))
                    .append(" | ").append(change(t)).append(" | ").append(cps).append(" |\n");
        }
        return out.toString();
    }

    private static String json(List<Trend> trends, String platform) {
        ObjectNode root = ModelJson.object();
        root.put("platform", platform);
        ArrayNode array = root.putArray("trends");
        for (Trend t : trends) {
            ObjectNode node = array.addObject();
            ModelJson.putId(node, t.id());
            node.put("unit", t.unit());
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
            }
        }
        try {
            return ModelJson.mapper().writer(new DefaultPrettyPrinter().withObjectIndenter(
                    new DefaultIndenter("  ", "\n"))).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String html(List<Trend> trends, String platform) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>perf-gate history ")
                .append(Text.html(platform)).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "section{margin-bottom:2em}svg{background:#fafafa;border:1px solid #ddd}"
                        + ".cp{stroke:#c00;stroke-dasharray:4 3}</style></head><body>\n<h1>perf-gate history ")
                .append(Text.html(platform)).append("</h1>\n");
        for (Trend t : trends) {
            out.append("<section><h2>").append(Text.html(t.id().displayWithMode())).append("</h2>\n<p>")
                    .append(t.points().size()).append(" runs, ").append(Text.score(t.points().get(0).score()))
                    .append(" &rarr; ").append(Text.score(t.latest().score())).append(' ').append(Text.html(t.unit()))
                    .append(" (").append(change(t)).append(")</p>\n").append(svg(t));
            for (ChangePoints.ChangePoint cp : t.changePoints()) {
                out.append("<p>Change point: ").append(Text.html(changePoint(t, cp))).append("</p>\n");
            }
            out.append("</section>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static String svg(Trend t) {
        int width = 720;
        int height = 160;
        double min = t.points().stream().mapToDouble(Trend.Point::score).min().orElse(0);
        double max = t.points().stream().mapToDouble(Trend.Point::score).max().orElse(1);
        double span = max > min ? max - min : Math.max(Math.abs(max), 1e-12);
        int n = t.points().size();
        StringBuilder poly = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = 10 + (n == 1 ? 0 : (width - 20) * i / (double) (n - 1));
            double y = height - 10 - (height - 20) * (t.points().get(i).score() - min) / span;
            poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" role=\"img\"><polyline fill=\"none\" stroke=\"#1565c0\" "
                        + "stroke-width=\"1.5\" points=\"%s\"/>", width, height, poly.toString().strip()));
        for (ChangePoints.ChangePoint cp : t.changePoints()) {
            double x = 10 + (n == 1 ? 0 : (width - 20) * cp.index() / (double) (n - 1));
            svg.append(String.format(Locale.ROOT, "<line class=\"cp\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\"/>",
                    x, x, height));
        }
        return svg.append("</svg>\n").toString();
    }
}

package dev.perfgate.core.report;

import dev.perfgate.core.history.Trend;
import dev.perfgate.core.model.BenchmarkId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reading Markdown reports the way GitHub does, and trends built from plain scores. */
final class MarkdownFixtures {

    private MarkdownFixtures() {
    }

    /** The lines of the report's table: header, delimiter row, then one per row. */
    static List<String> tableRows(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("|")).toList();
    }

    /**
     * The cells of a table row, split as GitHub's table extension splits them: at every pipe that
     * is not backslash-escaped, where a backslash escapes the character after it (so {@code \\|}
     * is an escaped backslash and then a cell boundary).
     */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length()) {
                cell.append(c).append(row.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        if (row.startsWith("|")) {
            cells.remove(0);
        }
        if (row.endsWith("|") && !cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    /** A trend of scores, oldest first, one run a day. */
    static Trend trend(BenchmarkId id, String unit, double... scores) {
        List<Trend.Point> points = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            points.add(new Trend.Point("run-" + i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * i),
                    "", scores[i], Double.NaN));
        }
        return new Trend(id, unit, points, List.of());
    }
}

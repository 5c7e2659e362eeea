package dev.perfgate.core.report;

import dev.perfgate.core.stats.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Fits the parts of a {@link MarkdownReport} into a size budget, counted in UTF-8 bytes. When the
 * whole report is too long, table rows are left out least important first (see {@link #rank}), each
 * with its note; the kept rows stay in report order, and a line after the table counts what was
 * left out.
 */
final class MarkdownBudget {

    /**
     * One table row.
     *
     * @param line    the row, ending in a line break
     * @param verdict its verdict, which decides how important keeping it is
     * @param note    its line under Notes, ending in a line break; empty for none
     */
    record Row(String line, Verdict verdict, String note) {
    }

    private static final String NOTES_HEADER = "\n**Notes**\n\n";

    /**
     * Room kept for the line counting the rows left out: the longest it can be (six counts of ten
     * digits and their labels, and the sentence) is under 400 bytes.
     */
    private static final int OMITTED_ROWS_RESERVE = 512;

    private final int maxBytes;

    MarkdownBudget(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The report: every part when it fits in the budget, otherwise the most important rows and their notes. */
    String fit(String head, String tableHeader, List<Row> rows, String legend) {
        String whole = head + tableHeader + concat(rows, Row::line) + notes(rows) + legend;
        if (utf8Length(whole) <= maxBytes) {
            return whole;
        }
        int room = maxBytes - utf8Length(head) - utf8Length(tableHeader) - utf8Length(NOTES_HEADER)
                - utf8Length(legend) - OMITTED_ROWS_RESERVE;
        boolean[] kept = new boolean[rows.size()];
        List<Integer> byImportance = IntStream.range(0, rows.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> rank(rows.get(i).verdict())).thenComparingInt(i -> i))
                .toList();
        for (int i : byImportance) {
            // a row and its note go together: an inconclusive row says why only in its note
            int bytes = utf8Length(rows.get(i).line()) + utf8Length(rows.get(i).note());
            if (bytes > room) {
                break; // keeping a smaller, less important row instead would break the order of importance
            }
            kept[i] = true;
            room -= bytes;
        }
        List<Row> keptRows = new ArrayList<>();
        Map<Verdict, Integer> omitted = new EnumMap<>(Verdict.class);
        for (int i = 0; i < rows.size(); i++) {
            if (kept[i]) {
                keptRows.add(rows.get(i));
            } else {
                omitted.merge(rows.get(i).verdict(), 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder(maxBytes).append(head).append(tableHeader)
                .append(concat(keptRows, Row::line));
        int left = rows.size() - keptRows.size();
        if (left > 0) {
            out.append("\n**").append(left).append(" of ").append(rows.size())
                    .append(" rows left out** to fit a pull-request comment: ").append(ConsoleReport.counts(omitted))
                    .append(". Every row is in the full reports (`--json`, `--junit`) and the console output.\n");
        }
        return out.append(notes(keptRows)).append(legend).toString();
    }

    /** How important keeping a row is: 0 most. Regressions decide the gate; unchanged rows say least. */
    static int rank(Verdict verdict) {
        return switch (verdict) {
            case REGRESSION -> 0;
            case INCONCLUSIVE -> 1;
            case IMPROVEMENT -> 2;
            case NEW -> 3;
            case MISSING -> 4;
            case UNCHANGED -> 5;
        };
    }

    private static String notes(List<Row> rows) {
        String notes = concat(rows, Row::note);
        return notes.isEmpty() ? "" : NOTES_HEADER + notes;
    }

    private static String concat(List<Row> rows, java.util.function.Function<Row, String> part) {
        StringBuilder sb = new StringBuilder();
        rows.forEach(r -> sb.append(part.apply(r)));
        return sb.toString();
    }

    /**
     * The length of text in UTF-8 bytes, counting a surrogate as two (a pair as four), so never less
     * than the number of bytes, UTF-16 units or code points of the text.
     */
    static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}

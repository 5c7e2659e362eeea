package dev.perfgate.core.report;

/**
 * A series of numbers drawn as one line of Unicode block characters, one character per value, small
 * enough for a table cell: {@code Sparkline.of(10, 12, 11, 17)} is {@code \u2581\u2583\u2582\u2588}.
 *
 * <p>The eight heights of {@link #BARS} are scaled between the series' smallest and largest value, so the
 * line shows the shape of the series, not its magnitude: a 1% wobble fills the full height just
 * as a doubling does. A series whose values are all equal (to within one part in 10<sup>9</sup>,
 * which absorbs rounding from unit conversions) is drawn as a flat line of {@link #FLAT}; so is a
 * single value. A NaN or infinite value is drawn as a space, so every character still stands for one
 * value and a gap shows where it is; it takes no part in the scaling.
 */
public final class Sparkline {

    /** The eight heights, lowest first. */
    public static final String BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";

    /** The character of a flat series: the middle height, so a steady series reads as steady, not as empty. */
    public static final char FLAT = '\u2584';

    /** The character of a NaN or infinite value. */
    public static final char GAP = ' ';

    /** Relative spread below which a series counts as flat. */
    private static final double FLAT_SPREAD = 1e-9;

    private Sparkline() {
    }

    /**
     * The sparkline of a series.
     *
     * @param values the series, oldest first; any values, NaN and infinities included
     * @return one character per value ({@link #BARS}, {@link #FLAT} or {@link #GAP}); empty for no values
     */
    public static String of(double... values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double spread = max - min;
        boolean flat = !(spread > FLAT_SPREAD * Math.max(Math.abs(min), Math.abs(max)));
        int top = BARS.length() - 1;
        StringBuilder line = new StringBuilder(values.length);
        for (double v : values) {
            if (!Double.isFinite(v)) {
                line.append(GAP);
            } else if (flat) {
                line.append(FLAT);
            } else {
                line.append(BARS.charAt((int) Math.round((v - min) / spread * top)));
            }
        }
        return line.toString();
    }
}

package dev.perfgate.core.report;

import java.util.Locale;

/**
 * Making untrusted text (benchmark names, params, notes) safe for each report format, and
 * formatting numbers the same way in all of them.
 */
public final class Text {

    /** Longest benchmark label a report shows; longer ones are cut with an ellipsis. */
    public static final int MAX_LABEL = 200;

    private Text() {
    }

    /**
     * Control and format characters (such as a right-to-left override) and unpaired surrogates
     * replaced by {@code ?}, and the text cut to {@code max} characters (UTF-16 units) with an
     * ellipsis, never inside a surrogate pair.
     */
    public static String plain(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE ? '?' : c));
        if (sb.length() > max) {
            int cut = Math.max(0, max - 1);
            if (cut > 0 && Character.isHighSurrogate(sb.charAt(cut - 1))) {
                cut--; // never split a character outside the BMP (an emoji) into an unpaired surrogate
            }
            return sb.substring(0, cut) + "\u2026";
        }
        return sb.toString();
    }

    /**
     * Text that renders literally in GitHub-flavoured Markdown, in a table cell too: Markdown
     * punctuation is backslash-escaped, {@code < > &} become entities so no HTML is injected, and
     * {@code @} becomes {@code &#64;} so a name cannot mention (notify) anyone. Cut to
     * {@link #MAX_LABEL} characters.
     */
    public static String markdown(String text) {
        return markdown(text, MAX_LABEL);
    }

    /** As {@link #markdown(String)}, cut to {@code max} characters. */
    public static String markdown(String text, int max) {
        return escape(plain(text, max), c -> switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '@' -> "&#64;";
            case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '!', '~', '$', ':', '|' ->
                    "\\" + c;
            default -> null;
        });
    }

    /** Text safe inside HTML element content and attribute values, cut to {@link #MAX_LABEL} characters. */
    public static String html(String text) {
        return escape(plain(text, MAX_LABEL), c -> switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        });
    }

    /** Replaces each character for which {@code rule} returns a replacement; keeps the others. */
    private static String escape(String text, java.util.function.Function<Character, String> rule) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = rule.apply(c);
            if (replacement == null) {
                sb.append(c);
            } else {
                sb.append(replacement);
            }
        }
        return sb.toString();
    }

    /** A signed percentage with one decimal, e.g. {@code +7.3%}; {@code n/a} for NaN. */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        double pct = Math.abs(fraction * 100) < 0.05 ? 0.0 : fraction * 100;
        return String.format(Locale.ROOT, "%+.1f%%", pct);
    }

    /** An interval of fractions as percentages, e.g. {@code [+4.1%, +9.8%]}; empty for NaN. */
    public static String interval(double low, double high) {
        return Double.isFinite(low) && Double.isFinite(high) ? "[" + percent(low) + ", " + percent(high) + "]" : "";
    }

    /** A p-value with three significant digits, e.g. {@code 0.00108}; empty for NaN. */
    public static String pValue(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.3g", p) : "";
    }

    /** A score with four significant digits in plain or scientific notation; {@code -} for NaN. */
    public static String score(double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs >= 1e7 || abs < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }
}

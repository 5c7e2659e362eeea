package dev.perfgate.core.history;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the next line of a history file and copies it with every per-fork samples array
 * ({@code "samples":[[...],...]}) checked and replaced by {@code null}. Samples are 80% and more
 * of a history's bytes, and tokenizing their numbers was most of the time a read took; here they
 * are checked by a byte scan and never become tokens or doubles.
 *
 * <p>The check accepts a samples value only when {@link HistoryCodec} would: {@code null}, or an
 * array of arrays whose items are JSON numbers (of at most {@value #MAX_NUMBER} characters, with an
 * exponent of at most two digits) or {@code null}. Anything else it is not sure of ({@code NaN}
 * literals, long numbers, a stray character) makes {@link #handOver()} true, and the caller reads
 * the original line with the codec, which accepts or refuses it with its own message. A value of
 * another JSON type under a {@code "samples"} key (a benchmark parameter, a metric called so) is
 * copied unchanged. A key's quoted name followed by a colon cannot occur inside a JSON string (a
 * quote inside a string is escaped), so matching {@code "samples":} textually finds only keys, and
 * a raw line end cannot occur inside JSON text, so it always ends a line.
 *
 * <p>It also notes whether the line holds any byte outside ASCII, which the caller must then check
 * is valid UTF-8 (the codec reads text, and a line that is not UTF-8 is refused), and hands over a
 * line with a control character other than tab and carriage return, which is never valid JSON
 * there and could make Jackson take the bytes for UTF-16 or UTF-32. Replacing a samples array
 * lowers the line's nesting by at most two levels, which the caller allows for.
 */
final class LineFilter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private static final byte[] SAMPLES = "\"samples\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    /** Longest number checked here; longer ones are left to the codec, which has its own limit. */
    static final int MAX_NUMBER = 64;

    /** {@link #samplesEnd}: the value is not an array or null, so it is not samples and is copied. */
    private static final int NOT_SAMPLES = -1;
    /** {@link #samplesEnd}: the value is not one this check is sure the codec accepts. */
    private static final int UNSURE = -2;

    private byte[] out = new byte[1 << 16];
    private int length;
    private boolean handOver;
    private boolean nonAscii;

    /** The filtered bytes of the last line, valid up to {@link #length()}. */
    byte[] bytes() {
        return out;
    }

    int length() {
        return length;
    }

    /** Whether the last line must be read as it is, by the codec (see the class comment). */
    boolean handOver() {
        return handOver;
    }

    /** Whether the last line holds a byte outside ASCII. */
    boolean nonAscii() {
        return nonAscii;
    }

    /** Whether some byte of {@code x} is below {@code n} (n <= 128), for bytes below 128. */
    private static boolean hasLess(long x, int n) {
        return ((x - ONES * n) & ~x & HIGHS) != 0;
    }

    /**
     * Filters the line starting at {@code from}, up to its line end or {@code limit}.
     *
     * @return the index of the line end, or {@code limit} when the line does not end before it
     */
    int filter(byte[] in, int from, int limit) {
        if (out.length < limit - from + 8) {
            out = Arrays.copyOf(out, Math.max(limit - from + 8, out.length * 2));
        }
        handOver = false;
        nonAscii = false;
        int o = 0;
        int i = from;
        while (true) {
            // Plain ASCII: nothing below '#' (no quote, no line end) in eight bytes: copy them at once.
            while (i + 8 <= limit) {
                long x = (long) LONGS.get(in, i);
                if ((x & HIGHS) != 0 || hasLess(x, '"' + 1)) {
                    break;
                }
                LONGS.set(out, o, x);
                o += 8;
                i += 8;
            }
            if (i >= limit) {
                length = o;
                return limit;
            }
            byte b = in[i];
            if (b == '\n') {
                length = o;
                return i;
            }
            if (b == '"') {
                if (startsWith(in, i, limit, SAMPLES)) {
                    int value = i + SAMPLES.length;
                    int end = samplesEnd(in, value, limit);
                    if (end == UNSURE) {
                        handOver = true;
                        return lineEnd(in, value, limit);
                    }
                    if (end != NOT_SAMPLES) {
                        // "samples":[] becomes "samples":null, two bytes longer: keep room for the rest.
                        int room = o + SAMPLES.length + NULL.length + (limit - end) + 8;
                        if (out.length < room) {
                            out = Arrays.copyOf(out, Math.max(room, out.length * 2));
                        }
                        System.arraycopy(SAMPLES, 0, out, o, SAMPLES.length);
                        o += SAMPLES.length;
                        System.arraycopy(NULL, 0, out, o, NULL.length);
                        o += NULL.length;
                        i = end;
                        continue;
                    }
                }
                int end = copyString(in, i, limit, o);
                if (end < 0) {
                    // An unterminated string: the codec says what is wrong.
                    handOver = true;
                    return lineEnd(in, i, limit);
                }
                o += end - i;
                i = end;
                continue;
            }
            if (b < 0) {
                nonAscii = true;
            } else if (b < ' ' && b != '\t' && b != '\r') {
                // Not JSON outside a string (and a NUL first would make Jackson guess UTF-16 or UTF-32).
                handOver = true;
                return lineEnd(in, i, limit);
            }
            out[o++] = b;
            i++;
        }
    }

    private static boolean startsWith(byte[] in, int at, int limit, byte[] key) {
        return at + key.length <= limit && Arrays.equals(in, at, at + key.length, key, 0, key.length);
    }

    private static int lineEnd(byte[] in, int i, int limit) {
        while (i < limit && in[i] != '\n') {
            i++;
        }
        return i;
    }

    /**
     * Copies the string whose opening quote is at {@code i} to {@code out} at {@code o}; the index
     * after it, or -1 when it does not end on this line.
     */
    private int copyString(byte[] in, int i, int limit, int o) {
        int start = i;
        i++;
        while (i < limit) {
            byte b = in[i];
            if (b == '\\') {
                if (i + 1 < limit && (in[i + 1] == '\n' || in[i + 1] < 0)) {
                    return -1;
                }
                i += 2;
            } else if (b == '"') {
                i++;
                System.arraycopy(in, start, out, o, i - start);
                return i;
            } else if (b == '\n' || b >= 0 && b < ' ') {
                // A raw control character is not JSON inside a string either: the codec says so.
                return -1;
            } else {
                if (b < 0) {
                    nonAscii = true;
                }
                i++;
            }
        }
        return -1;
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private static int skipBlanks(byte[] in, int i, int limit) {
        while (i < limit && blank(in[i])) {
            i++;
        }
        return i;
    }

    /**
     * The index after the samples value at {@code i} (blanks around it included): {@code null}, or
     * {@code [}, forks separated by commas, {@code ]}; {@link #NOT_SAMPLES} for a value that starts
     * otherwise; {@link #UNSURE} for anything this check does not accept.
     */
    static int samplesEnd(byte[] in, int i, int limit) {
        i = skipBlanks(in, i, limit);
        if (i >= limit) {
            return UNSURE;
        }
        byte b = in[i];
        if (b == 'n') {
            return startsWith(in, i, limit, NULL) ? i + NULL.length : UNSURE;
        }
        if (b != '[') {
            return NOT_SAMPLES;
        }
        i = skipBlanks(in, i + 1, limit);
        if (i < limit && in[i] == ']') {
            return i + 1;
        }
        while (true) {
            if (i >= limit || in[i] != '[') {
                return UNSURE;
            }
            i = forkEnd(in, i + 1, limit);
            if (i < 0) {
                return UNSURE;
            }
            i = skipBlanks(in, i, limit);
            if (i >= limit) {
                return UNSURE;
            }
            if (in[i] == ']') {
                return i + 1;
            }
            if (in[i] != ',') {
                return UNSURE;
            }
            i = skipBlanks(in, i + 1, limit);
        }
    }

    /** The index after a fork's {@code ]}, its items starting at {@code i}; -1 when not accepted. */
    private static int forkEnd(byte[] in, int i, int limit) {
        i = skipBlanks(in, i, limit);
        if (i < limit && in[i] == ']') {
            return i + 1;
        }
        while (true) {
            if (i >= limit) {
                return -1;
            }
            if (in[i] == 'n') {
                if (!startsWith(in, i, limit, NULL)) {
                    return -1;
                }
                i += NULL.length;
            } else {
                i = numberEnd(in, i, limit);
                if (i < 0) {
                    return -1;
                }
            }
            i = skipBlanks(in, i, limit);
            if (i >= limit) {
                return -1;
            }
            byte b = in[i];
            if (b == ']') {
                return i + 1;
            }
            if (b != ',') {
                return -1;
            }
            i = skipBlanks(in, i + 1, limit);
        }
    }

    /**
     * The index after a JSON number at {@code i}: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]{1,2})?},
     * at most {@value #MAX_NUMBER} characters; -1 otherwise.
     */
    private static int numberEnd(byte[] in, int i, int limit) {
        int start = i;
        if (i < limit && in[i] == '-') {
            i++;
        }
        if (i >= limit) {
            return -1;
        }
        if (in[i] == '0') {
            i++;
        } else if (in[i] >= '1' && in[i] <= '9') {
            i = digits(in, i, limit);
        } else {
            return -1;
        }
        if (i < limit && in[i] == '.') {
            int fraction = i + 1;
            i = digits(in, fraction, limit);
            if (i == fraction) {
                return -1;
            }
        }
        if (i < limit && (in[i] == 'e' || in[i] == 'E')) {
            i++;
            if (i < limit && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            int exponent = i;
            i = digits(in, exponent, limit);
            if (i == exponent || i - exponent > 2) {
                return -1;
            }
        }
        return i - start <= MAX_NUMBER ? i : -1;
    }

    private static int digits(byte[] in, int i, int limit) {
        while (i < limit && in[i] >= '0' && in[i] <= '9') {
            i++;
        }
        return i;
    }
}

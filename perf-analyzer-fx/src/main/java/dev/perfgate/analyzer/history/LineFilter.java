package dev.perfgate.analyzer.history;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the next line of a history file and copies it without the values the trend reader does
 * not need: the contents of {@code "samples"}, {@code "secondary"} and {@code "fingerprint"}
 * become {@code null}. Per-fork samples are 80% and more of a history's bytes; skipping them with
 * a scan that only tracks brackets and strings, eight bytes at a time where the bytes are plain
 * number characters, is many times faster than tokenizing every number.
 *
 * <p>A key's quoted name followed by a colon cannot occur inside a JSON string (a quote inside a
 * string is escaped), so matching {@code "samples":} textually finds only keys. The skipped values
 * are not validated; perf-core's {@link dev.perfgate.core.history.HistoryCodec} does that when a
 * run is opened in full. A raw line end cannot occur inside JSON text, so it always ends a line.
 *
 * <p>Every line of a history names mostly the same benchmarks in the same order, and reading those
 * names is most of what is left for the parser. So the identity of each benchmark entry (the pairs
 * from {@code "benchmark":} up to {@code "score":}) is numbered: the first time as
 * {@code {"slot":K,"benchmark":...}}, and when its bytes equal those of identity K of the previous
 * line, replaced by {@code {"same":K,"score":...}}, where the keys begin with an escaped NUL
 * character so that no key of the file can be taken for them. {@link LineParser} resolves
 * {@code "same":K} to the identity it read for slot K from the previous line. After a line that either of them could
 * not read, both {@link #forget()}, so a {@code "same"} always refers to a line read in full.
 */
final class LineFilter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private static final byte[][] SKIPPED = {
        bytes("\"samples\":"), bytes("\"secondary\":"), bytes("\"fingerprint\":"),
    };

    private static final byte[] BENCHMARK = bytes("\"benchmark\":");
    private static final byte[] SCORE = bytes("\"score\":");
    /** Longest identity remembered; longer ones are passed on whole every time. */
    private static final int MAX_IDENTITY = 4096;
    /** The markers' keys: a NUL escape first, so that they cannot be confused with a key of the file. */
    static final String SLOT_KEY = "\u0000slot";
    static final String SAME_KEY = "\u0000same";
    private static final String SLOT = "\"\\u0000slot\":";
    private static final String SAME = "\"\\u0000same\":";

    private byte[] out = new byte[1 << 16];
    /** The identities of the line being filtered and of the previous line: bytes, and slot K at [starts[K], starts[K+1]). */
    private Identities current = new Identities();
    private Identities previous = new Identities();
    private int length;
    private boolean ok;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The filtered bytes of the last line, valid up to {@link #length()}. */
    byte[] bytes() {
        return out;
    }

    int length() {
        return length;
    }

    /** Whether every skipped value of the last line ended inside it; false for a malformed line. */
    boolean ok() {
        return ok;
    }

    /** Whether some byte of {@code x} is below {@code n} (n <= 128). */
    private static boolean hasLess(long x, int n) {
        return ((x - ONES * n) & ~x & HIGHS) != 0;
    }

    /** Whether some byte of {@code x} is above {@code n} (n <= 127). */
    private static boolean hasMore(long x, int n) {
        return (((x + ONES * (127 - n)) | x) & HIGHS) != 0;
    }

    /** The high bit of every byte of {@code x} equal to {@code c}, exactly (no borrow between bytes). */
    private static long equalBytes(long x, int c) {
        long t = x ^ (ONES * c);
        long low7 = 0x7F7F7F7F7F7F7F7FL;
        return ~(((t & low7) + low7) | t | low7);
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
        Identities done = previous;
        previous = current;
        current = done;
        current.clear();
        ok = true;
        int o = 0;
        int i = from;
        while (true) {
            // Plain bytes: nothing below '#' (no quote, no line end) in eight of them: copy them at once.
            while (i + 8 <= limit) {
                long x = (long) LONGS.get(in, i);
                if (hasLess(x, '"' + 1)) {
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
                byte[] key = match(in, i, limit);
                if (key != null) {
                    System.arraycopy(key, 0, out, o, key.length);
                    o += key.length;
                    i = skipValue(in, i + key.length, limit);
                    if (i < 0) {
                        ok = false;
                        return lineEnd(in, -i - 1, limit);
                    }
                    out[o++] = 'n';
                    out[o++] = 'u';
                    out[o++] = 'l';
                    out[o++] = 'l';
                    continue;
                }
                if (o > 0 && out[o - 1] == '{' && startsWith(in, i, limit, BENCHMARK)) {
                    int end = identityEnd(in, i, limit);
                    if (end > 0) {
                        int slot = current.count();
                        current.add(in, i, end);
                        boolean same = previous.equals(slot, in, i, end);
                        o = marker(same ? SAME : SLOT, slot, o, limit - i);
                        if (same) {
                            i = end;
                            continue;
                        }
                    }
                }
                int end = stringEnd(in, i, limit);
                if (end < 0) {
                    ok = false;
                    return lineEnd(in, -end - 1, limit);
                }
                System.arraycopy(in, i, out, o, end - i);
                o += end - i;
                i = end;
                continue;
            }
            out[o++] = b;
            i++;
        }
    }

    /** Forgets the identities of the lines filtered so far: the next line is passed on whole. */
    void forget() {
        current.clear();
        previous.clear();
    }

    /**
     * Writes {@code "same":K,} or {@code "slot":K,} at {@code o}, keeping room for the {@code rest}
     * of the input after it; the new output position.
     */
    private int marker(String key, int slot, int o, int rest) {
        if (out.length < o + 24 + rest + 8) {
            out = Arrays.copyOf(out, Math.max(o + 24 + rest + 8, out.length * 2));
        }
        for (int k = 0; k < key.length(); k++) {
            out[o++] = (byte) key.charAt(k);
        }
        String digits = Integer.toString(slot);
        for (int k = 0; k < digits.length(); k++) {
            out[o++] = (byte) digits.charAt(k);
        }
        out[o++] = ',';
        return o;
    }

    private static boolean startsWith(byte[] in, int at, int limit, byte[] key) {
        return at + key.length <= limit && Arrays.equals(in, at, at + key.length, key, 0, key.length);
    }

    /**
     * Where the identity starting at {@code i} ends: the index of the quote of the entry's
     * {@code "score":} key, when the bytes before it are whole pairs (strings, and objects without
     * arrays, balanced, ending in a comma) no longer than {@link #MAX_IDENTITY}; otherwise -1.
     */
    private static int identityEnd(byte[] in, int i, int limit) {
        int depth = 0;
        int stop = Math.min(limit, i + MAX_IDENTITY);
        while (i < stop) {
            byte b = in[i];
            if (b == '"') {
                if (depth == 0 && in[i - 1] == ',' && startsWith(in, i, limit, SCORE)) {
                    return i;
                }
                i = stringEnd(in, i, limit);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (b == '{') {
                depth++;
            } else if (b == '}') {
                if (--depth < 0) {
                    return -1;
                }
            } else if (b == '[' || b == ']' || b == '\n') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /** The identities of one line, by slot. */
    private static final class Identities {
        private byte[] bytes = new byte[1 << 12];
        private int[] starts = new int[65];
        private int count;

        void clear() {
            count = 0;
        }

        int count() {
            return count;
        }

        void add(byte[] in, int from, int to) {
            int at = starts[count];
            if (at + to - from > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, at + to - from));
            }
            System.arraycopy(in, from, bytes, at, to - from);
            if (count + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[++count] = at + to - from;
        }

        boolean equals(int slot, byte[] in, int from, int to) {
            return slot < count && Arrays.equals(bytes, starts[slot], starts[slot + 1], in, from, to);
        }
    }

    private static int lineEnd(byte[] in, int i, int limit) {
        while (i < limit && in[i] != '\n') {
            i++;
        }
        return i;
    }

    private static byte[] match(byte[] in, int at, int limit) {
        for (byte[] key : SKIPPED) {
            if (at + key.length <= limit && in[at + 1] == key[1] && in[at + 2] == key[2]
                    && Arrays.equals(in, at, at + key.length, key, 0, key.length)) {
                return key;
            }
        }
        return null;
    }

    /**
     * The index after the JSON value at {@code i} (blanks before it allowed); when the value does not
     * end on this line, {@code -(where the scan stopped) - 1}.
     */
    private static int skipValue(byte[] in, int i, int limit) {
        int depth = 0;
        while (true) {
            if (depth > 0) {
                // Inside brackets, number characters, commas and square brackets ('+' to ']') are passed
                // eight at a time, counting the brackets, as long as the value cannot end inside the eight.
                while (i + 8 <= limit) {
                    long x = (long) LONGS.get(in, i);
                    if (hasLess(x, '+') || hasMore(x, ']')) {
                        break;
                    }
                    int closes = Long.bitCount(equalBytes(x, ']'));
                    if (closes >= depth) {
                        break;
                    }
                    depth += Long.bitCount(equalBytes(x, '[')) - closes;
                    i += 8;
                }
            }
            if (i >= limit) {
                return -i - 1;
            }
            byte b = in[i];
            switch (b) {
                case '\n' -> {
                    return -i - 1;
                }
                case '[', '{' -> {
                    depth++;
                    i++;
                }
                case ']', '}' -> {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                    i++;
                    if (depth == 0) {
                        return i;
                    }
                }
                case '"' -> {
                    int end = stringEnd(in, i, limit);
                    if (end < 0) {
                        return end;
                    }
                    i = end;
                    if (depth == 0) {
                        return i;
                    }
                }
                case ',' -> {
                    if (depth == 0) {
                        return i;
                    }
                    i++;
                }
                default -> i++;
            }
        }
    }

    /**
     * The index after the string whose opening quote is at {@code i}; {@code -(stop) - 1} when
     * unterminated, or when it holds an escaped NUL character, which the markers' keys begin with
     * (such rare lines are left to the codec, so no marker can be forged).
     */
    private static int stringEnd(byte[] in, int i, int limit) {
        i++;
        while (i < limit) {
            byte b = in[i];
            if (b == '\\') {
                if (i + 5 < limit && in[i + 1] == 'u' && in[i + 2] == '0' && in[i + 3] == '0' && in[i + 4] == '0'
                        && in[i + 5] == '0') {
                    return -i - 1;
                }
                i += 2;
            } else if (b == '"') {
                return i + 1;
            } else if (b == '\n') {
                return -i - 1;
            } else {
                i++;
            }
        }
        return -Math.min(i, limit) - 1;
    }
}

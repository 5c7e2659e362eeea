package dev.perfgate.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways to break a valid JSON file, each a pure function of the input and a random source: the
 * damage that truncated uploads, bad merges, hand edits, other tools and attackers do. Used by the
 * property tests in this package and, through perf-core's test jar, by the CLI's.
 */
public enum Mutations {

    /** Cut at a random byte: a truncated upload or a full disk. */
    TRUNCATE {
        byte[] apply(byte[] in, Random r) {
            return java.util.Arrays.copyOf(in, r.nextInt(in.length + 1));
        }
    },
    /** One random bit of one random byte flipped. */
    FLIP_BIT {
        byte[] apply(byte[] in, Random r) {
            byte[] out = in.clone();
            if (out.length > 0) {
                out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
            }
            return out;
        }
    },
    /** A run of random bytes written over the file. */
    RANDOM_BYTES {
        byte[] apply(byte[] in, Random r) {
            byte[] out = in.clone();
            int at = out.length == 0 ? 0 : r.nextInt(out.length);
            for (int i = at; i < Math.min(out.length, at + 1 + r.nextInt(16)); i++) {
                out[i] = (byte) r.nextInt(256);
            }
            return out;
        }
    },
    /** A number replaced by an extreme or non-finite one. */
    EXTREME_NUMBER {
        private final String[] values = {"NaN", "Infinity", "-Infinity", "\"NaN\"", "1e309", "-1e309", "1e-400",
            "-0", "-1", "-1.5e300", "0", "99999999999999999999999999999999999999", "4.9e-324",
            "1" + "0".repeat(2000), "0." + "0".repeat(999) + "1", "2147483648", "-2147483649"};

        byte[] apply(byte[] in, Random r) {
            return replaceMatch(in, NUMBER, r, values[r.nextInt(values.length)]);
        }
    },
    /** A value of one JSON type replaced by one of another. */
    TYPE_SWAP {
        private final String[] values = {"\"text\"", "123", "true", "null", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\""};

        byte[] apply(byte[] in, Random r) {
            Pattern p = r.nextBoolean() ? NUMBER : STRING_VALUE;
            return replaceMatch(in, p, r, values[r.nextInt(values.length)]);
        }
    },
    /** A value nested thousands of arrays deep. */
    DEEP_NESTING {
        byte[] apply(byte[] in, Random r) {
            int depth = 1 + r.nextInt(20_000);
            return replaceMatch(in, NUMBER, r, "[".repeat(depth) + "1" + "]".repeat(depth));
        }
    },
    /** A key repeated in its object, with another value: a merge that kept both sides. */
    DUPLICATE_KEY {
        byte[] apply(byte[] in, Random r) {
            String text = new String(in, StandardCharsets.UTF_8);
            Matcher m = KEY_VALUE.matcher(text);
            List<int[]> found = new ArrayList<>();
            while (m.find()) {
                found.add(new int[] {m.start(), m.end()});
            }
            if (found.isEmpty()) {
                return in;
            }
            int[] pick = found.get(r.nextInt(found.size()));
            String pair = text.substring(pick[0], pick[1]);
            return (text.substring(0, pick[1]) + "," + pair + text.substring(pick[1])).getBytes(StandardCharsets.UTF_8);
        }
    },
    /** Bytes that are not UTF-8: a lone continuation byte, an overlong form, a cut sequence, 0xFF. */
    INVALID_UTF8 {
        private final byte[][] sequences = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};

        byte[] apply(byte[] in, Random r) {
            return insert(in, r.nextInt(in.length + 1), sequences[r.nextInt(sequences.length)]);
        }
    },
    /** A very long string in place of a name or text. */
    HUGE_STRING {
        byte[] apply(byte[] in, Random r) {
            return replaceMatch(in, STRING_VALUE, r, "\"" + "x".repeat(1 + r.nextInt(200_000)) + "\"");
        }
    },
    /** The whole file replaced by something that is not the document at all. */
    NOT_A_DOCUMENT {
        private final String[] values = {"", " ", "\n", "\uFEFF", "null", "[]", "{}", "0", "\"text\"", "[null]",
            "[{}]", "{\"version\":1}", "<html></html>"};

        byte[] apply(byte[] in, Random r) {
            return values[r.nextInt(values.length)].getBytes(StandardCharsets.UTF_8);
        }
    };

    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,]\\s{0,8})-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern STRING_VALUE = Pattern.compile("(?<=:\\s{0,8})\"(?:[^\"\\\\]++|\\\\.)*+\"");
    private static final Pattern KEY_VALUE = Pattern.compile("\"[a-z_]+\"\\s*:\\s*(-?\\d[\\d.eE+-]*|\"[^\"\\\\]*\")");

    abstract byte[] apply(byte[] in, Random r);

    /** One to three mutations chosen by {@code seed}, applied to {@code in} in turn. */
    public static byte[] mutate(byte[] in, long seed) {
        Random r = new Random(seed);
        byte[] out = in;
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            out = values()[r.nextInt(values().length)].apply(out, r);
        }
        return out;
    }

    private static byte[] replaceMatch(byte[] in, Pattern p, Random r, String replacement) {
        String text = new String(in, StandardCharsets.ISO_8859_1);
        Matcher m = p.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (m.find() && found.size() < 100_000) {
            found.add(new int[] {m.start(), m.end()});
        }
        if (found.isEmpty()) {
            return in;
        }
        int[] pick = found.get(r.nextInt(found.size()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + replacement.length());
        out.write(in, 0, pick[0]);
        out.writeBytes(replacement.getBytes(StandardCharsets.UTF_8));
        out.write(in, pick[1], in.length - pick[1]);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] in, int at, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + bytes.length);
        out.write(in, 0, at);
        out.writeBytes(bytes);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }
}

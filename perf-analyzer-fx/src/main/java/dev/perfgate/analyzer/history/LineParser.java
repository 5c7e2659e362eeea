package dev.perfgate.analyzer.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.perfgate.core.history.HistoryCodec;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one filtered history line ({@link LineFilter}) with Jackson's streaming parser into a
 * {@link Parsed} record, or returns null for anything it does not expect (the caller then hands
 * the line to perf-core's codec). One instance per thread: it keeps repeated strings (benchmark
 * names, modes, units, params) canonical and remembers the previous line's identities, since
 * every line of a history lists mostly the same benchmarks in the same order. It resolves the
 * {@code "slot"} and {@code "same"} markers {@link LineFilter} puts in place of repeated identities.
 */
final class LineParser {

    /**
     * A benchmark of a line.
     *
     * @param key    its identity as one string (name, mode, params), equal for equal identities
     * @param name   JMH name
     * @param mode   mode
     * @param params key, value, key, value... sorted by key
     * @param unit   unit; null in approval records
     * @param score  score, NaN when absent
     * @param error  error, NaN when absent
     */
    record Entry(String key, String name, Mode mode, String[] params, String unit, double score, double error) {
    }

    /** A run (with entries and the host class it ran on, null when not recorded) or an approval (entries without scores). */
    record Parsed(boolean run, String runId, Instant timestamp, String commit, String branch, HostClass host,
                  String approver, String reason, List<Entry> entries) {
    }

    /** The fields of a host class as a line has them, before the line's platform is known. */
    private record ClassFields(List<String> isa, int vectorBits, int cores, int jdk) {
    }

    /** A line's {@code "host": null}. */
    private static final ClassFields NO_HOST = new ClassFields(List.of(), -1, -1, -1);

    private final JsonFactory factory;
    private final StringCache strings = new StringCache();
    /** Host classes seen, so that runs of one class share one instance. */
    private final Map<String, HostClass> hostClasses = new HashMap<>();
    private String[] paramsBuffer = new String[8];
    private Entry[] previous = new Entry[0];
    private int position;
    /** The entries read for each slot of the line being read and of the previous line. */
    private Entry[] slots = new Entry[64];
    private Entry[] previousSlots = new Entry[64];

    LineParser(JsonFactory factory) {
        this.factory = factory;
    }

    /** The record of a filtered line, or null when this parser cannot read it. */
    Parsed parse(byte[] bytes, int length) {
        Entry[] done = previousSlots;
        previousSlots = slots;
        slots = done;
        Arrays.fill(slots, null);
        try (JsonParser p = factory.createParser(bytes, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Parsed record = record(p);
            return record != null && p.nextToken() == null ? record : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Forgets the entries of the lines read so far, as {@link LineFilter#forget()} does. */
    void forget() {
        Arrays.fill(slots, null);
        Arrays.fill(previousSlots, null);
    }

    private Parsed record(JsonParser p) throws IOException {
        int schema = -1;
        String type = null;
        String runId = null;
        String timestamp = null;
        String commit = "";
        String branch = "";
        String platform = null;
        String approver = "";
        String reason = "";
        List<Entry> entries = null;
        ClassFields host = NO_HOST;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            boolean ok = true;
            switch (field) {
                case "schema" -> {
                    ok = v == JsonToken.VALUE_NUMBER_INT;
                    schema = ok ? p.getIntValue() : -1;
                }
                case "type" -> type = text(p, v);
                case "run_id" -> runId = text(p, v);
                case "timestamp" -> timestamp = text(p, v);
                case "commit" -> commit = optionalText(p, v);
                case "branch" -> branch = optionalText(p, v);
                case "platform" -> platform = text(p, v);
                case "approver" -> approver = optionalText(p, v);
                case "reason" -> reason = optionalText(p, v);
                case "benchmarks" -> {
                    entries = v == JsonToken.START_ARRAY ? entries(p) : null;
                    ok = entries != null;
                }
                case "host" -> {
                    host = host(p, v);
                    ok = host != null;
                }
                default -> p.skipChildren();
            }
            if (!ok || commit == null || branch == null || approver == null || reason == null) {
                return null;
            }
        }
        if (schema != HistoryCodec.SCHEMA_VERSION || type == null || timestamp == null || entries == null) {
            return null;
        }
        Instant time;
        try {
            time = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
        if (type.equals("run")) {
            if (runId == null || runId.isBlank() || platform == null || !validPlatform(platform)
                    || entries.stream().anyMatch(e -> e.unit() == null)) {
                return null;
            }
            return new Parsed(true, runId, time, commit, branch, hostClass(platform, host), "", "", entries);
        }
        if (type.equals("approval")) {
            return new Parsed(false, runId == null ? "" : runId, time, commit, "", null, approver, reason, entries);
        }
        return null;
    }

    /** The class of a run's host, one instance per class; null for a run recorded without a host. */
    private HostClass hostClass(String platform, ClassFields fields) {
        if (fields == NO_HOST) {
            return null;
        }
        String key = platform + '\u0001' + String.join(",", fields.isa()) + '\u0001' + fields.vectorBits() + '\u0001'
                + fields.cores() + '\u0001' + fields.jdk();
        return hostClasses.computeIfAbsent(key, k -> new HostClass(PlatformKey.parse(platform), fields.isa(),
                fields.vectorBits(), fields.cores(), fields.jdk()));
    }

    /**
     * The class of a line's {@code "host"} as perf-core's {@code HostJson} writes it ({@code "class"}
     * with {@code "isa"}, and optional {@code "vector_bits"}, {@code "cores"}, {@code "jdk"}; the rest
     * of the host is skipped); {@link #NO_HOST} for null; null for anything else.
     */
    private ClassFields host(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return NO_HOST;
        }
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        ClassFields fields = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (!field.equals("class")) {
                p.skipChildren();
            } else if (fields != null || t != JsonToken.START_OBJECT || (fields = classFields(p)) == null) {
                return null;
            }
        }
        return fields;
    }

    private ClassFields classFields(JsonParser p) throws IOException {
        List<String> isa = null;
        int[] counts = {0, 0, 0};
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            int count = switch (field) {
                case "vector_bits" -> 0;
                case "cores" -> 1;
                case "jdk" -> 2;
                default -> -1;
            };
            if (field.equals("isa")) {
                if (t != JsonToken.START_ARRAY || isa != null) {
                    return null;
                }
                isa = new ArrayList<>();
                while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                    isa.add(strings.intern(p.getText()));
                }
                if (t != JsonToken.END_ARRAY) {
                    return null;
                }
            } else if (count >= 0) {
                if (t == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (t != JsonToken.VALUE_NUMBER_INT || p.getIntValue() < 0) {
                    return null;
                }
                counts[count] = p.getIntValue();
            } else {
                p.skipChildren();
            }
        }
        return isa == null ? null : new ClassFields(List.copyOf(isa), counts[0], counts[1], counts[2]);
    }

    private static boolean validPlatform(String text) {
        try {
            PlatformKey.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static String optionalText(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_NULL ? "" : text(p, v);
    }

    /** A string value kept canonical, for values that repeat on every line. */
    private String cached(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return strings.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        p.skipChildren();
        return null;
    }

    private List<Entry> entries(JsonParser p) throws IOException {
        List<Entry> out = new ArrayList<>(previous.length);
        position = 0;
        JsonToken t;
        boolean ok = true;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                ok = false;
                continue;
            }
            Entry e = entry(p);
            if (e == null) {
                ok = false;
            } else {
                out.add(e);
            }
        }
        return ok ? out : null;
    }

    private Entry entry(JsonParser p) throws IOException {
        String name = null;
        String modeText = null;
        int paramCount = 0;
        String unit = null;
        double score = Double.NaN;
        double error = Double.NaN;
        int slot = -1;
        boolean same = false;
        boolean afterScore = false;
        boolean first = true;
        boolean ok = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            // An identity read for a slot comes whole before the score; a "same" entry has none of its own.
            boolean identity = false;
            switch (field) {
                case LineFilter.SLOT_KEY, LineFilter.SAME_KEY -> {
                    ok &= first && v == JsonToken.VALUE_NUMBER_INT && p.getIntValue() >= 0;
                    slot = ok ? p.getIntValue() : -1;
                    same = field.equals(LineFilter.SAME_KEY);
                }
                case "benchmark" -> {
                    name = cached(p, v);
                    identity = true;
                }
                case "mode" -> {
                    modeText = cached(p, v);
                    identity = true;
                }
                case "unit" -> {
                    unit = cached(p, v);
                    identity = true;
                }
                case "score" -> {
                    score = number(p, v);
                    ok &= score == score || isNaNValue(p, v);
                    afterScore = true;
                }
                case "score_error" -> {
                    error = number(p, v);
                    ok &= error == error || isNaNValue(p, v);
                }
                case "params" -> {
                    paramCount = params(p, v);
                    ok &= paramCount >= 0;
                    identity = true;
                }
                default -> p.skipChildren();
            }
            ok &= !(identity && (same || slot >= 0 && afterScore));
            first = false;
        }
        if (!ok) {
            return null;
        }
        Entry entry;
        if (same) {
            Entry known = slot < previousSlots.length ? previousSlots[slot] : null;
            if (known == null) {
                return null;
            }
            entry = new Entry(known.key(), known.name(), known.mode(), known.params(), known.unit(), score, error);
        } else {
            entry = identified(name, modeText, paramCount, unit, score, error);
            if (entry == null) {
                return null;
            }
        }
        if (slot >= 0) {
            if (slot >= slots.length) {
                slots = Arrays.copyOf(slots, Math.max(slot + 1, slots.length * 2));
            }
            slots[slot] = entry;
        }
        if (position >= previous.length) {
            previous = Arrays.copyOf(previous, Math.max(8, previous.length * 2));
        }
        previous[position++] = entry;
        return entry;
    }

    /**
     * The entry of a benchmark read in full, reusing the identity of the previous line's entry at
     * the same position when it is the same; null when the identity is incomplete.
     */
    private Entry identified(String name, String modeText, int paramCount, String unit, double score, double error) {
        if (name == null || name.isBlank() || modeText == null) {
            return null;
        }
        Mode mode = Mode.fromLabel(modeText).orElse(null);
        if (mode == null) {
            return null;
        }
        Entry known = position < previous.length ? previous[position] : null;
        Entry entry;
        if (known != null && known.name() == name && known.mode() == mode && sameParams(known.params(), paramCount)) {
            entry = new Entry(known.key(), name, mode, known.params(), unit, score, error);
        } else {
            String[] params = Arrays.copyOf(paramsBuffer, paramCount * 2);
            sortPairs(params);
            StringBuilder key = new StringBuilder(name.length() + 32).append(name).append('\u0001')
                    .append(mode.label()).append('\u0001');
            for (int i = 0; i < params.length; i += 2) {
                key.append(params[i]).append('=').append(params[i + 1]).append('\u0001');
            }
            entry = new Entry(key.toString(), name, mode, params, unit, score, error);
        }
        return entry;
    }

    private boolean sameParams(String[] known, int count) {
        if (known.length != count * 2) {
            return false;
        }
        for (int i = 0; i < known.length; i++) {
            if (known[i] != paramsBuffer[i]) {
                return false;
            }
        }
        return true;
    }

    /** Sorts key/value pairs by key (the codec writes them sorted; this guards hand-edited files). */
    private static void sortPairs(String[] pairs) {
        for (int i = 2; i < pairs.length; i += 2) {
            for (int j = i; j >= 2 && pairs[j - 2].compareTo(pairs[j]) > 0; j -= 2) {
                String k = pairs[j - 2];
                String v = pairs[j - 1];
                pairs[j - 2] = pairs[j];
                pairs[j - 1] = pairs[j + 1];
                pairs[j] = k;
                pairs[j + 1] = v;
            }
        }
    }

    /** Reads {@code params} into the buffer; the number of pairs, or -1 when it is not an object of strings. */
    private int params(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return -1;
        }
        int n = 0;
        boolean ok = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = strings.intern(p.currentName());
            String value = cached(p, p.nextToken());
            if (value == null) {
                ok = false;
                continue;
            }
            if (paramsBuffer.length < (n + 1) * 2) {
                paramsBuffer = Arrays.copyOf(paramsBuffer, paramsBuffer.length * 2);
            }
            paramsBuffer[n * 2] = key;
            paramsBuffer[n * 2 + 1] = value;
            n++;
        }
        return ok ? n : -1;
    }

    /** A number as perf-core writes it (a number, null, or "NaN"/"Infinity" text); NaN also when invalid. */
    private static double number(JsonParser p, JsonToken v) throws IOException {
        switch (v) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_STRING -> {
                return switch (p.getText()) {
                    case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
                    case "-Infinity" -> Double.NEGATIVE_INFINITY;
                    default -> Double.NaN;
                };
            }
            case VALUE_NULL -> {
                return Double.NaN;
            }
            default -> {
                p.skipChildren();
                return Double.NaN;
            }
        }
    }

    /** Whether a value read as NaN really stands for NaN (null, "NaN" or a NaN literal) rather than being invalid. */
    private static boolean isNaNValue(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_NULL || v == JsonToken.VALUE_NUMBER_FLOAT
                || v == JsonToken.VALUE_STRING && p.getText().equals("NaN");
    }
}

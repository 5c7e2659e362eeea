package dev.perfgate.cli.doctor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one doctor check: one line of the report.
 *
 * @param check   the check's name, e.g. {@code cpu-load}
 * @param status  the verdict
 * @param message what was found, one sentence without a line break
 * @param advice  what to do about it; empty when nothing needs doing
 * @param details the measured figures by name (numbers, strings or lists), for {@code --format json}
 */
public record Finding(String check, Status status, String message, String advice, Map<String, Object> details) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        message = oneLine(message);
        advice = oneLine(advice);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A finding without figures. */
    public Finding(String check, Status status, String message, String advice) {
        this(check, status, message, advice, Map.of());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}

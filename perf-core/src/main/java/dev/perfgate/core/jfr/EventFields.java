package dev.perfgate.core.jfr;

import java.time.Duration;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Lenient field access. Event layouts differ between JDK versions and vendors, and anyone can
 * commit an event under a {@code jdk.} name, so a field may be missing or of another type: every
 * accessor then returns its fallback instead of throwing.
 */
final class EventFields {

    /** Longer than any real pause; JFR writes huge values for "unknown" timespans. */
    private static final Duration IMPLAUSIBLE = Duration.ofDays(365);

    private EventFields() {
    }

    static String string(RecordedObject o, String field, String fallback) {
        try {
            String value = o.hasField(field) ? o.getString(field) : null;
            return value == null ? fallback : value;
        } catch (IllegalArgumentException | ClassCastException e) {
            return fallback;
        }
    }

    /** A numeric field as a double (JFR stores loads as floats), or {@code fallback}. */
    static double number(RecordedObject o, String field, double fallback) {
        try {
            return o.hasField(field) ? o.getDouble(field) : fallback;
        } catch (IllegalArgumentException | ClassCastException e) {
            return fallback;
        }
    }

    static long integer(RecordedObject o, String field, long fallback) {
        try {
            return o.hasField(field) ? o.getLong(field) : fallback;
        } catch (IllegalArgumentException | ClassCastException e) {
            return fallback;
        }
    }

    /** A timespan field, or null when missing, not a timespan, negative or implausibly long. */
    static Duration duration(RecordedObject o, String field) {
        try {
            Duration d = o.hasField(field) ? o.getDuration(field) : null;
            return d == null || d.isNegative() || d.compareTo(IMPLAUSIBLE) > 0 ? null : d;
        } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
            return null;
        }
    }

    /** A class field's name in Java source form, or {@code fallback}. */
    static String className(RecordedObject o, String field, String fallback) {
        try {
            RecordedClass c = o.hasField(field) ? o.getClass(field) : null;
            String name = c == null ? null : c.getName();
            return name == null ? fallback : JfrNames.javaName(name);
        } catch (IllegalArgumentException | ClassCastException e) {
            return fallback;
        }
    }

    static RecordedStackTrace stackTrace(RecordedObject o) {
        try {
            if (!o.hasField("stackTrace")) {
                return null;
            }
            return o.getValue("stackTrace") instanceof RecordedStackTrace st ? st : null;
        } catch (IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** The frame's method as {@code package.Class.method}, or null when the frame has none. */
    static String methodName(RecordedFrame frame) {
        try {
            RecordedMethod method = frame.getMethod();
            if (method == null || method.getName() == null) {
                return null;
            }
            RecordedClass type = method.getType();
            String typeName = type == null || type.getName() == null ? "<unknown>" : JfrNames.javaName(type.getName());
            return typeName + "." + method.getName();
        } catch (IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }
}

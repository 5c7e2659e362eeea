package dev.perfgate.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.core.InputException;

/**
 * Typed access to a JSON tree that reports every problem as an {@link InputException} carrying
 * the source and the JSON path. Shared by the readers of perfgate's JSON formats.
 */
public class JsonPath {

    private final String source;

    /** @param source the file or label named in errors */
    public JsonPath(String source) {
        this.source = source;
    }

    /** An error at a path. */
    public InputException error(String at, String problem) {
        return new InputException(source, at, problem);
    }

    /** Fails unless the node is a JSON object. */
    public void requireObject(String at, JsonNode node) throws InputException {
        if (node == null || !node.isObject()) {
            throw error(at, "expected an object, found " + describe(node));
        }
    }

    /** Fails unless the node is a JSON array. */
    public void requireArray(String at, JsonNode node) throws InputException {
        if (node == null || !node.isArray()) {
            throw error(at, "expected an array, found " + describe(node));
        }
    }

    /** A non-empty string. */
    public String requiredText(String at, JsonNode node) throws InputException {
        if (node == null || node.isNull()) {
            throw error(at, "missing");
        }
        if (!node.isTextual()) {
            throw error(at, "expected a string, found " + describe(node));
        }
        if (node.asText().isBlank()) {
            throw error(at, "must not be empty");
        }
        return node.asText();
    }

    /** A string, or empty when absent or null. */
    public String optionalText(String at, JsonNode node) throws InputException {
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isValueNode()) {
            throw error(at, "expected a string, found " + describe(node));
        }
        return node.asText();
    }

    /** A non-negative whole number, or the default when absent or null. */
    public int optionalCount(String at, JsonNode node, int defaultValue) throws InputException {
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
            throw error(at, "expected a non-negative whole number, found " + describe(node));
        }
        return node.asInt();
    }

    /**
     * A number. JMH writes {@code "NaN"} (and {@code "Infinity"}) as strings; those are accepted
     * as NaN or infinity. A missing value is an error when required, NaN otherwise.
     */
    public double number(String at, JsonNode node, boolean required) throws InputException {
        if (node == null || node.isNull()) {
            if (required) {
                throw error(at, "missing number");
            }
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                case "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw error(at, "expected a number, found " + describe(node));
    }

    /** A short description of a node for messages: {@code a string "abc"}, {@code an object}. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String text = node.asText();
            return "a string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (node.isNumber()) {
            return "a number " + node.asText();
        }
        if (node.isBoolean()) {
            return "a boolean " + node.asText();
        }
        if (node.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** Whether a key is short and has no control character, so that it is quoted as it is. */
    private static boolean plain(String key) {
        if (key.length() > 80) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A key quoted for a path segment: {@code "gc.alloc.rate"}. */
    public static String quote(String key) {
        if (plain(key)) {
            return "\"" + key + "\"";
        }
        String printable = key.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "\"" + (printable.length() > 80 ? printable.substring(0, 80) + "..." : printable) + "\"";
    }
}

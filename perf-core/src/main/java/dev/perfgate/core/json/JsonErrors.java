package dev.perfgate.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.perfgate.core.InputException;

/** Turns Jackson's parse errors into one-line {@link InputException}s with line and column. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** An error for malformed JSON: where it is and what the parser expected, in one line. */
    public static InputException syntax(String source, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? null
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        // Jackson names where an unclosed object or array started as "(start marker at [Source: ...;
        // line: 1, column: 2])": kept as a plain position, without its source description.
        String original = String.valueOf(e.getOriginalMessage())
                .replaceAll("\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)",
                        "(opened at line $1, column $2)");
        String problem = e instanceof StreamConstraintsException
                ? "too deeply nested or too large: " + original
                : original.startsWith("Trailing token")
                ? "unexpected content after the end of the JSON value"
                : "malformed JSON: " + original;
        int newline = problem.indexOf('\n');
        if (newline > 0) {
            problem = problem.substring(0, newline);
        }
        if (problem.length() > 200) {
            problem = problem.substring(0, 200) + "...";
        }
        return new InputException(source, where, problem, e);
    }
}

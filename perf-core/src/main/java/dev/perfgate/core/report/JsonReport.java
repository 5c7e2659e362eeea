package dev.perfgate.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.json.ModelJson;

import java.io.UncheckedIOException;

/**
 * The machine-readable report whose shape the architecture fixes (other tools read it):
 * <pre>
 * { "verdict": "pass" | "regression", "platform": "...", "threshold_pct": 5.0,
 *   "results": [ { "benchmark", "mode", "params", "metric", "unit", "baseline", "current",
 *                  "change_pct", "ci_low_pct", "ci_high_pct", "p_value", "verdict" } ] }
 * </pre>
 * {@code change_pct} is signed so that positive means worse; {@code p_value} is the
 * Benjamini-Hochberg adjusted p-value that decided significance. Beyond the fixed shape it adds
 * {@code advisory}, {@code advisory_reason}, {@code fingerprint_notes} and per result {@code threshold_pct} and {@code note}.
 */
public final class JsonReport {

    /** Version of this JSON shape, its {@code schema} field. */
    public static final int SCHEMA_VERSION = 1;

    private JsonReport() {
    }

    /** The JSON text, pretty-printed, ending in a newline. */
    public static String render(GateReport report) {
        ObjectNode root = ModelJson.object();
        root.put("schema", SCHEMA_VERSION);
        root.put("verdict", report.fails() ? "regression" : "pass");
        root.put("platform", report.platform());
        root.put("threshold_pct", report.thresholdPct());
        root.put("advisory", report.advisory());
        root.put("advisory_reason", report.advisoryReason());
        ArrayNode notes = root.putArray("fingerprint_notes");
        report.fingerprintNotes().forEach(notes::add);
        ArrayNode results = root.putArray("results");
        for (ComparisonRow row : report.rows()) {
            ObjectNode r = results.addObject();
            ModelJson.putId(r, row.id());
            r.put("metric", row.metric());
            r.put("unit", row.unit());
            r.set("baseline", ModelJson.number(row.baseline()));
            r.set("current", ModelJson.number(row.current()));
            r.set("change_pct", pct(row.decision().change()));
            r.set("ci_low_pct", pct(row.decision().ciLow()));
            r.set("ci_high_pct", pct(row.decision().ciHigh()));
            r.set("p_value", ModelJson.number(row.decision().pValue()));
            r.put("verdict", row.decision().verdict().label());
            r.set("threshold_pct", ModelJson.number(row.thresholdPct()));
            r.put("note", row.decision().note());
        }
        try {
            return ModelJson.mapper()
                    .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")))
                    .writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode pct(double fraction) {
        return ModelJson.number(fraction * 100);
    }
}

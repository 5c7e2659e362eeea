package dev.perfgate.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;
import dev.perfgate.core.json.JsonErrors;
import dev.perfgate.core.json.HostJson;
import dev.perfgate.core.json.JsonPath;
import dev.perfgate.core.json.ModelJson;
import dev.perfgate.core.json.SchemaVersion;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One history line as compact JSON: {@code {"schema":1,"type":"run",...}} or
 * {@code {"schema":1,"type":"approval",...}}. Numbers use the fixed precision of
 * {@link ModelJson}. See docs/file-formats.md for the fields.
 */
public final class HistoryCodec {

    /** The schema version this perfgate writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * The schema version of a compacted run's line ({@code history compact}), whose allocation may
     * leave out its unit: releases before 0.2.0, which read only version 1, refuse such a line by
     * naming the release it needs instead of taking it for a bad line. Every other line is written
     * as version 1.
     */
    public static final int COMPACTED_SCHEMA_VERSION = 2;

    private static final Fingerprint EMPTY_FINGERPRINT = new Fingerprint("", 0, "", "", List.of(), "", "");

    private final ObjectMapper mapper = ModelJson.mapper();
    /**
     * For lines whose samples {@link LineFilter} replaced by null, which lowers their nesting by at
     * most two levels: two levels less than {@link #mapper} allows, so that a line it reads is one
     * {@link #mapper} reads too (a deeper one is read again as it is).
     */
    private final ObjectMapper filteredMapper = ModelJson.mapper(ModelJson.MAX_DEPTH - 2);

    /** The record as one line of JSON, without the line end. */
    public String write(HistoryRecord record) {
        ObjectNode node = ModelJson.object();
        SchemaVersion.put(node, "schema", record instanceof HistoryRecord.RunRecord r
                && CompactedRuns.isCompacted(r.run()) ? COMPACTED_SCHEMA_VERSION : SCHEMA_VERSION);
        if (record instanceof HistoryRecord.RunRecord r) {
            writeRun(node, r.run());
        } else if (record instanceof HistoryRecord.ApprovalRecord a) {
            node.put("type", "approval");
            node.put("timestamp", a.timestamp().toString());
            node.put("approver", a.approver());
            node.put("reason", a.reason());
            node.put("commit", a.commit());
            node.put("run_id", a.runId());
            ArrayNode ids = node.putArray("benchmarks");
            for (BenchmarkId id : a.benchmarks()) {
                ModelJson.putId(ids.addObject(), id);
            }
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRun(ObjectNode node, Run run) {
        node.put("type", "run");
        node.put("run_id", run.runId());
        node.put("timestamp", run.timestamp().toString());
        node.put("commit", run.commit());
        node.put("branch", run.branch());
        node.put("platform", run.platform().toString());
        boolean compacted = CompactedRuns.isCompacted(run);
        Measurement.Summary common = null;
        if (compacted) {
            node.put("compacted", true);
            common = CompactedRuns.common(run);
            CompactedRuns.putCommon(node, common);
            // A compacted run leaves out what is empty: its fingerprint (dropped where it has a host
            // class) and its host's unknown details; both read back as they were.
            if (!run.fingerprint().equals(EMPTY_FINGERPRINT)) {
                node.set("fingerprint", ModelJson.fingerprint(run.fingerprint()));
            }
            if (run.host() != null) {
                node.set("host", HostJson.writeKnown(run.host()));
            }
        } else {
            node.set("fingerprint", ModelJson.fingerprint(run.fingerprint()));
            if (run.host() != null) {
                node.set("host", HostJson.write(run.host()));
            }
        }
        ArrayNode benchmarks = node.putArray("benchmarks");
        for (BenchmarkResult result : run.results()) {
            ObjectNode b = benchmarks.addObject();
            ModelJson.putId(b, result.id());
            if (compacted) {
                CompactedRuns.put(b, result, common);
                continue;
            }
            ModelJson.putMeasurement(b, result.primary());
            if (!result.secondary().isEmpty()) {
                ObjectNode secondary = b.putObject("secondary");
                result.secondary().forEach((name, m) -> ModelJson.putMeasurement(secondary.putObject(name), m));
            }
        }
    }

    /**
     * Parses one line. This is the definition of a valid history line: {@link HistoryReader}'s faster
     * reading of long histories accepts exactly the lines this accepts.
     *
     * @param source the history file, for messages
     * @param lineNo the 1-based line number, for messages
     */
    public HistoryRecord read(String source, long lineNo, String line) throws InputException {
        String where = "line " + lineNo;
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            InputException syntax = JsonErrors.syntax(source, e);
            throw new InputException(source, where, syntax.problem(), e);
        }
        return record(source, where, node);
    }

    /**
     * Parses a line given as UTF-8 bytes that start with <code>{</code>, for {@link HistoryReader}.
     * It accepts what {@link #read(String, long, String)} accepts of the same text; its messages may
     * differ (a syntax error's column, say), so a caller that refuses a line says why with
     * {@link #read(String, long, String)}.
     */
    HistoryRecord read(String source, byte[] json, int length) throws InputException {
        JsonNode node;
        try {
            node = filteredMapper.readTree(json, 0, length);
        } catch (java.io.IOException e) {
            throw new InputException(source, null, "is not a record: " + e.getMessage(), e);
        }
        return record(source, "line ?", node);
    }

    private HistoryRecord record(String source, String where, JsonNode node) throws InputException {
        LinePath path = new LinePath(source, where);
        if (node == null || !node.isObject()) {
            throw new InputException(source, where, "expected a JSON object, found " + JsonPath.describe(node));
        }
        SchemaVersion.read(path, "$", node, "schema", COMPACTED_SCHEMA_VERSION);
        String type = path.requiredText("$.type", node.get("type"));
        return switch (type) {
            case "run" -> new HistoryRecord.RunRecord(readRun(path, node));
            case "approval" -> readApproval(path, node);
            default -> throw path.error("$.type", "unknown record type '" + type + "', expected run or approval");
        };
    }

    private static Run readRun(JsonPath path, JsonNode node) throws InputException {
        PlatformKey platform = ModelJson.readPlatform(path, "$.platform", node.get("platform"));
        JsonNode array = node.get("benchmarks");
        path.requireArray("$.benchmarks", array);
        boolean compacted = CompactedRuns.flag(path, node.get("compacted"));
        Measurement.Summary common = compacted ? CompactedRuns.readCommon(path, node) : null;
        List<BenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "$.benchmarks[" + i + "]";
            JsonNode b = array.get(i);
            path.requireObject(at, b);
            BenchmarkId id = ModelJson.readId(path, at, b);
            if (compacted) {
                results.add(CompactedRuns.read(path, at, b, id, common));
                continue;
            }
            Measurement primary = ModelJson.readMeasurement(path, at, b);
            Map<String, Measurement> secondary = new LinkedHashMap<>();
            JsonNode sec = b.get("secondary");
            if (sec != null && !sec.isNull()) {
                path.requireObject(at + ".secondary", sec);
                var fields = sec.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    secondary.put(field.getKey(), ModelJson.readMeasurement(path,
                            at + ".secondary[" + JsonPath.quote(field.getKey()) + "]", field.getValue()));
                }
            }
            results.add(new BenchmarkResult(id, primary, secondary, RunSettings.UNKNOWN));
        }
        String runId = path.requiredText("$.run_id", node.get("run_id"));
        JsonNode host = node.get("host");
        return new Run(runId, ModelJson.readInstant(path, "$.timestamp", node.get("timestamp")),
                path.optionalText("$.commit", node.get("commit")),
                path.optionalText("$.branch", node.get("branch")),
                platform,
                ModelJson.readFingerprint(path, "$.fingerprint", node.get("fingerprint")),
                host == null || host.isNull() ? null : HostJson.read(path, "$.host", host, platform),
                results);
    }

    private static HistoryRecord.ApprovalRecord readApproval(JsonPath path, JsonNode node) throws InputException {
        JsonNode array = node.get("benchmarks");
        path.requireArray("$.benchmarks", array);
        List<BenchmarkId> ids = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "$.benchmarks[" + i + "]";
            path.requireObject(at, array.get(i));
            ids.add(ModelJson.readId(path, at, array.get(i)));
        }
        return new HistoryRecord.ApprovalRecord(
                ModelJson.readInstant(path, "$.timestamp", node.get("timestamp")),
                path.optionalText("$.approver", node.get("approver")),
                path.optionalText("$.reason", node.get("reason")),
                path.optionalText("$.commit", node.get("commit")),
                path.optionalText("$.run_id", node.get("run_id")),
                ids);
    }

    /** Reports errors as "line N, $.path". */
    private static final class LinePath extends JsonPath {
        private final String source;
        private final String line;

        LinePath(String source, String line) {
            super(source);
            this.source = source;
            this.line = line;
        }

        @Override
        public InputException error(String at, String problem) {
            return new InputException(source, line + ", " + at, problem);
        }
    }
}

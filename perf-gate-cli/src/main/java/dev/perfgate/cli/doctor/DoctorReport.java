package dev.perfgate.cli.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The doctor's report: one line per check for a terminal or CI log, or JSON.
 *
 * <pre>
 * WARN  cpu-load       other processes used 0.95 of 2 cores over 1.0 s (load average 1.13): java (pid 812) 93% -- benchmark on an idle machine: ...
 * </pre>
 * JSON: {@code {"verdict": "ok|warn|fail", "checks": [{"check", "status", "message", "advice", "details"}]}},
 * where the verdict is the worst status (a skipped check counts as ok).
 *
 * @param findings the checks' findings, in report order
 */
public record DoctorReport(List<Finding> findings) {

    public DoctorReport {
        findings = List.copyOf(findings);
    }

    /** The worst status; {@link Status#OK} when every check passed or was skipped. */
    public Status verdict() {
        Status worst = Status.OK;
        for (Finding f : findings) {
            worst = worst.worse(f.status());
        }
        return worst;
    }

    /** One line per check and a summary line. */
    public String text() {
        int width = findings.stream().mapToInt(f -> f.check().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(String.format(Locale.ROOT, "%-4s  %-" + width + "s  %s", f.status(), f.check(), f.message()));
            if (!f.advice().isEmpty()) {
                out.append(" -- ").append(f.advice());
            }
            out.append('\n');
        }
        out.append("doctor: ").append(count(Status.OK)).append(" ok, ").append(count(Status.WARN)).append(" warn, ")
                .append(count(Status.FAIL)).append(" fail, ").append(count(Status.SKIP)).append(" not checked here\n");
        return out.toString();
    }

    /** The report as pretty-printed JSON, newline at the end. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("verdict", verdict().label());
        ArrayNode checks = root.putArray("checks");
        for (Finding f : findings) {
            ObjectNode check = checks.addObject();
            check.put("check", f.check());
            check.put("status", f.status().label());
            check.put("message", f.message());
            check.put("advice", f.advice());
            check.set("details", mapper.valueToTree(f.details()));
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }
}

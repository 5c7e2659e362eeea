package dev.perfgate.core.report;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.stats.Verdict;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * The report as JUnit XML, which every CI system displays: one {@code testsuite}, one
 * {@code testcase} per benchmark metric (classname = the benchmark's class, name = method, params,
 * mode and metric), a regression is a {@code failure}, a missing benchmark is {@code skipped};
 * fingerprint differences and advisory verdicts are suite {@code properties}.
 * Text is XML-escaped by the JDK's StAX writer; characters XML 1.0 forbids are replaced.
 */
public final class JunitReport {

    private JunitReport() {
    }

    /** The XML text. */
    public static String render(GateReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "perf-gate" + (report.platform().isEmpty() ? "" : " " + report.platform()));
            xml.writeAttribute("tests", String.valueOf(report.rows().size()));
            xml.writeAttribute("failures", String.valueOf(report.fails() ? report.regressions().size() : 0));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(report.counts().getOrDefault(Verdict.MISSING, 0)));
            xml.writeCharacters("\n");
            if (!report.fingerprintNotes().isEmpty() || report.advisory()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("properties");
                xml.writeCharacters("\n");
                for (String note : report.fingerprintNotes()) {
                    property(xml, "fingerprint-difference", note);
                }
                if (report.advisory()) {
                    property(xml, "advisory", report.advisoryReason() + ": regressions do not fail the build");
                }
                xml.writeCharacters("  ");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            for (ComparisonRow row : report.rows()) {
                testcase(xml, row, report.advisory());
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", xmlSafe(Text.plain(value, 1000)));
        xml.writeCharacters("\n");
    }

    private static void testcase(XMLStreamWriter xml, ComparisonRow row, boolean advisory) throws XMLStreamException {
        String name = row.id().name();
        int dot = name.lastIndexOf('.');
        String className = dot > 0 ? name.substring(0, dot) : name;
        String method = (dot > 0 ? name.substring(dot + 1) : name)
                + (row.id().params().isEmpty() ? "" : "[" + row.id().paramsText() + "]")
                + " (" + row.id().mode().label() + ")" + (row.isPrimary() ? "" : " " + row.metric());
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", xmlSafe(Text.plain(className, Text.MAX_LABEL)));
        xml.writeAttribute("name", xmlSafe(Text.plain(method, Text.MAX_LABEL)));
        xml.writeAttribute("time", "0");
        Verdict verdict = row.decision().verdict();
        String message = String.format(Locale.ROOT, "%s: %s -> %s %s, change %s %s", verdict.label(),
                Text.score(row.baseline()), Text.score(row.current()), row.unit(),
                Text.percent(row.decision().change()), Text.interval(row.decision().ciLow(), row.decision().ciHigh()))
                .strip() + (row.decision().note().isEmpty() ? "" : "; " + row.decision().note());
        if (verdict == Verdict.REGRESSION && !advisory) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "regression");
            xml.writeAttribute("message", xmlSafe(Text.plain(message, 1000)));
            xml.writeCharacters(xmlSafe(Text.plain(message, 1000)));
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
        } else if (verdict == Verdict.MISSING) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", xmlSafe(Text.plain(message, 1000)));
            xml.writeCharacters("\n  ");
        } else {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlSafe(Text.plain(message, 1000)));
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** Replaces characters XML 1.0 cannot hold (lone surrogates, U+FFFE/U+FFFF) with '?'. */
    private static String xmlSafe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            sb.appendCodePoint(ok ? c : '?');
        });
        return sb.toString();
    }
}

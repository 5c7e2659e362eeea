package dev.perfgate.core.report;

import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Mode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JunitReportTest {

    @Test
    void everyRowIsOneTestcaseAndARegressionIsAFailure() throws Exception {
        GateReport report = ReportFixtures.mixed();

        Document xml = parse(JunitReport.render(report));

        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        List<Element> cases = elements(xml.getElementsByTagName("testcase"));
        assertThat(cases).hasSize(report.rows().size());
        Element regression = cases.get(0);
        assertThat(regression.getAttribute("classname")).isEqualTo("dev.perfgate.kernels.CosineSimilarityBenchmark");
        assertThat(regression.getAttribute("name")).isEqualTo("batch[dim=768] (avgt)");
        assertThat(elements(regression.getElementsByTagName("failure"))).singleElement()
                .satisfies(f -> assertThat(f.getAttribute("message")).contains("regression", "+12.0%"));
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(cases.get(1).getAttribute("name")).endsWith("gc.alloc.rate.norm");
    }

    @Test
    void advisoryRegressionIsNotAFailure() throws Exception {
        GateReport report = new GateReport("linux-x86_64", 5.0, List.of(ReportFixtures.regression(
                ReportFixtures.COSINE)), List.of(), "the CPU differs");

        Document xml = parse(JunitReport.render(report));

        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void controlCharactersAndMarkupInNamesStillGiveWellFormedXml() throws Exception {
        String nasty = "dev.x.Bench\u0000\u0001\u0007\u001b[31m.run<&\"'>\uD800\uFFFE]]>";
        BenchmarkId id = BenchmarkId.of(nasty, Mode.AVERAGE_TIME, Map.of("k\u0002", "v\u000b<"));
        GateReport report = new GateReport("linux-x86_64", 5.0, List.of(ReportFixtures.regression(id)),
                List.of(), "");

        String text = JunitReport.render(report);
        Document xml = parse(text);

        List<Element> cases = elements(xml.getElementsByTagName("testcase"));
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.getAttribute("name")).contains("run<&\"'>").doesNotContain("\u0000", "\u0001", "\u001b");
            assertThat(c.getElementsByTagName("failure").getLength()).isEqualTo(1);
        });
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}

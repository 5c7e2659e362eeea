package dev.perfgate.analyzer.history;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineFilterTest {

    private static String filter(String line) {
        byte[] bytes = (line + "\nnext").getBytes(StandardCharsets.UTF_8);
        LineFilter filter = new LineFilter();
        int end = filter.filter(bytes, 0, bytes.length);
        assertThat(end).isEqualTo(line.getBytes(StandardCharsets.UTF_8).length);
        return filter.ok() ? new String(filter.bytes(), 0, filter.length(), StandardCharsets.UTF_8) : null;
    }

    @Test
    void replacesSamplesSecondaryMetricsAndFingerprintByNull() {
        assertThat(filter("{\"a\":1,\"samples\":[[1.5,2,3],[4,5e-3,null]],\"secondary\":{\"gc]\":{\"samples\":[[1]]}},"
                + "\"fingerprint\":{\"cpu_model\":\"x \\\"[y\\\"\"},\"unit\":\"us/op\"}"))
                .isEqualTo("{\"a\":1,\"samples\":null,\"secondary\":null,\"fingerprint\":null,\"unit\":\"us/op\"}");
    }

    @Test
    void keepsStringsThatOnlyLookLikeSkippedKeys() {
        assertThat(filter("{\"benchmark\":\"a.\\\"samples\\\":b\",\"params\":{\"k\":\"[[\"}}"))
                .isEqualTo("{\"benchmark\":\"a.\\\"samples\\\":b\",\"params\":{\"k\":\"[[\"}}");
    }

    @Test
    void passesLongRunsOfNumbersAndNestedArraysWhole() {
        StringBuilder samples = new StringBuilder("[");
        for (int f = 0; f < 20; f++) {
            samples.append(f == 0 ? "" : ",").append("[764.135,768.811,755.062,795.451]");
        }
        samples.append("]");

        assertThat(filter("{\"samples\":" + samples + ",\"score\":1}")).isEqualTo("{\"samples\":null,\"score\":1}");
    }

    @Test
    void reportsASkippedValueThatDoesNotEndOnItsLine() {
        assertThat(filter("{\"samples\":[[1,2],[3,4]")).isNull();
        assertThat(filter("{\"fingerprint\":{\"cpu\":\"unterminated}")).isNull();
    }

    @Test
    void stopsAtTheLineEnd() {
        byte[] bytes = "{\"a\":\"b\"}\n{\"c\":1}".getBytes(StandardCharsets.UTF_8);
        LineFilter filter = new LineFilter();

        assertThat(filter.filter(bytes, 0, bytes.length)).isEqualTo(9);
        assertThat(filter.filter(bytes, 10, bytes.length)).isEqualTo(bytes.length);
        assertThat(new String(filter.bytes(), 0, filter.length(), StandardCharsets.UTF_8)).isEqualTo("{\"c\":1}");
    }

    private static String next(LineFilter filter, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        filter.filter(bytes, 0, bytes.length);
        return filter.ok() ? new String(filter.bytes(), 0, filter.length(), StandardCharsets.UTF_8) : null;
    }

    private static String entry(String name, String params, double score) {
        return "{\"benchmark\":\"" + name + "\",\"mode\":\"avgt\",\"params\":" + params
                + ",\"unit\":\"us/op\",\"score\":" + score + ",\"samples\":[[1,2]]}";
    }

    @Test
    void numbersIdentitiesAndReplacesThoseRepeatedFromThePreviousLine() {
        LineFilter filter = new LineFilter();
        String a = entry("a.B.c", "{\"n\":\"1\"}", 1.5);
        String b = entry("a.B.d", "null", 2.5);

        assertThat(next(filter, "{\"benchmarks\":[" + a + "," + b + "]}")).isEqualTo("{\"benchmarks\":["
                + "{\"\\u0000slot\":0,\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"params\":{\"n\":\"1\"},"
                + "\"unit\":\"us/op\",\"score\":1.5,\"samples\":null},"
                + "{\"\\u0000slot\":1,\"benchmark\":\"a.B.d\",\"mode\":\"avgt\",\"params\":null,"
                + "\"unit\":\"us/op\",\"score\":2.5,\"samples\":null}]}");
        // The same identities in another order: only the one at the same place is replaced.
        assertThat(next(filter, "{\"benchmarks\":[" + entry("a.B.c", "{\"n\":\"1\"}", 1.7) + ","
                + entry("a.B.e", "null", 3.0) + "]}")).isEqualTo("{\"benchmarks\":["
                + "{\"\\u0000same\":0,\"score\":1.7,\"samples\":null},"
                + "{\"\\u0000slot\":1,\"benchmark\":\"a.B.e\",\"mode\":\"avgt\",\"params\":null,"
                + "\"unit\":\"us/op\",\"score\":3.0,\"samples\":null}]}");

        filter.forget();
        assertThat(next(filter, "{\"benchmarks\":[" + a + "]}")).contains("\\u0000slot\":0,\"benchmark\"");
    }

    @Test
    void leavesIdentitiesWithoutAScoreOrWithArraysWhole() {
        LineFilter filter = new LineFilter();
        String approval = "{\"benchmarks\":[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"params\":null}]}";
        String odd = "{\"benchmarks\":[{\"benchmark\":\"a.B.c\",\"mode\":[\"avgt\"],\"score\":1}]}";

        for (int i = 0; i < 2; i++) {
            assertThat(next(filter, approval)).isEqualTo(approval);
            assertThat(next(filter, odd)).isEqualTo(odd);
        }
    }

    @Test
    void leavesALineWithAnEscapedNulToTheCodecSoNoMarkerCanBeForged() {
        assertThat(filter("{\"benchmarks\":[{\"\\u0000same\":0,\"score\":1}]}")).isNull();
        assertThat(filter("{\"a\":\"x\\u0000\"}")).isNull();
        assertThat(filter("{\"a\":\"x\\\\u0000\"}")).isEqualTo("{\"a\":\"x\\\\u0000\"}");
    }
}

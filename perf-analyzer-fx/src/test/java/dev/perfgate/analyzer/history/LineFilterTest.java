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
}

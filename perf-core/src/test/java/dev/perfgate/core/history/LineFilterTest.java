package dev.perfgate.core.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineFilterTest {

    /** The filtered line, or null when the filter hands it over to the codec. */
    private static String filter(String line) {
        byte[] bytes = (line + "\nnext").getBytes(StandardCharsets.UTF_8);
        LineFilter filter = new LineFilter();
        int end = filter.filter(bytes, 0, bytes.length);
        assertThat(end).isEqualTo(line.getBytes(StandardCharsets.UTF_8).length);
        return filter.handOver() ? null : new String(filter.bytes(), 0, filter.length(), StandardCharsets.UTF_8);
    }

    @Test
    void replacesEverySamplesArrayByNullAndKeepsTheRest() {
        assertThat(filter("{\"a\":1,\"samples\":[[1.5,2,3],[4,5e-3,null]],\"secondary\":{\"gc]\":{\"unit\":\"B/op\","
                + "\"samples\":[[1]]}},\"fingerprint\":{\"cpu_model\":\"x \\\"[y\\\"\"},\"unit\":\"us/op\"}"))
                .isEqualTo("{\"a\":1,\"samples\":null,\"secondary\":{\"gc]\":{\"unit\":\"B/op\",\"samples\":null}},"
                        + "\"fingerprint\":{\"cpu_model\":\"x \\\"[y\\\"\"},\"unit\":\"us/op\"}");
    }

    @Test
    void keepsStringsThatOnlyLookLikeTheSamplesKey() {
        assertThat(filter("{\"benchmark\":\"a.\\\"samples\\\":b\",\"params\":{\"k\":\"[[\"}}"))
                .isEqualTo("{\"benchmark\":\"a.\\\"samples\\\":b\",\"params\":{\"k\":\"[[\"}}");
    }

    @Test
    void copiesASamplesKeyWhoseValueIsNotAnArray() {
        // A benchmark parameter called "samples" is a string: the codec reads it, so it stays.
        assertThat(filter("{\"params\":{\"samples\":\"10\"},\"secondary\":{\"samples\":{\"unit\":\"x\"}}}"))
                .isEqualTo("{\"params\":{\"samples\":\"10\"},\"secondary\":{\"samples\":{\"unit\":\"x\"}}}");
    }

    @Test
    void passesLongRunsOfNumbersWhole() {
        StringBuilder samples = new StringBuilder("[");
        for (int f = 0; f < 20; f++) {
            samples.append(f == 0 ? "" : ",").append("[764.135,768.811,755.062,-0.000012,1.5E+12, 0 ]");
        }
        samples.append("]");

        assertThat(filter("{\"samples\": " + samples + " ,\"score\":1}")).isEqualTo("{\"samples\":null ,\"score\":1}");
        assertThat(filter("{\"samples\":[],\"x\":[[]]}")).isEqualTo("{\"samples\":null,\"x\":[[]]}");
        assertThat(filter("{\"samples\":[[]],\"x\":1}")).isEqualTo("{\"samples\":null,\"x\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[[1,,2]]", "[[1,2],3]", "[[01]]", "[[1.]]", "[[.5]]", "[[-]]", "[[1e]]", "[[1e400]]", "[[NaN]]",
        "[[\"NaN\"]]", "[[1 2]]", "[[1]", "[1]", "[[true]]", "[[nul]]", "nul", "[[1],]", "[,[1]]",
        "[[11111111111111111111111111111111111111111111111111111111111111111]]",
    })
    void handsOverSamplesItIsNotSureTheCodecAccepts(String samples) {
        assertThat(filter("{\"samples\":" + samples + ",\"score\":1}")).isNull();
    }

    @Test
    void handsOverALineWithAnUnterminatedString() {
        assertThat(filter("{\"benchmark\":\"abc")).isNull();
        assertThat(filter("{\"benchmark\":\"abc\\")).isNull();
    }

    @Test
    void notesBytesOutsideAscii() {
        byte[] bytes = "{\"branch\":\"\u00e9t\u00e9\"}\n{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        LineFilter filter = new LineFilter();

        int end = filter.filter(bytes, 0, bytes.length);
        assertThat(filter.nonAscii()).isTrue();
        filter.filter(bytes, end + 1, bytes.length);
        assertThat(filter.nonAscii()).isFalse();
    }

    @Test
    void endsALineAtItsLineEndOrTheLimit() {
        byte[] bytes = "{\"samples\":[[1]]}\n{\"samples\":[[2]]}".getBytes(StandardCharsets.US_ASCII);
        LineFilter filter = new LineFilter();

        int end = filter.filter(bytes, 0, bytes.length);
        assertThat(end).isEqualTo(17);
        assertThat(filter.filter(bytes, end + 1, bytes.length)).isEqualTo(bytes.length);
        assertThat(new String(filter.bytes(), 0, filter.length(), StandardCharsets.US_ASCII))
                .isEqualTo("{\"samples\":null}");
    }
}

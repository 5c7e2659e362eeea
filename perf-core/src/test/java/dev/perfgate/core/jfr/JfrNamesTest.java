package dev.perfgate.core.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JfrNamesTest {

    @ParameterizedTest
    @CsvSource({
            "[B, byte[]",
            "[Z, boolean[]",
            "[C, char[]",
            "[S, short[]",
            "[I, int[]",
            "[J, long[]",
            "[F, float[]",
            "[D, double[]",
            "[[I, int[][]",
            "[Ljava.lang.String;, java.lang.String[]",
            "[[Ljava/lang/Object;, java.lang.Object[][]",
            "[Ljava.util.Map$Entry;, java.util.Map$Entry[]",
    })
    void arrayDescriptorsBecomeJavaSourceNames(String jfrName, String javaName) {
        assertThat(JfrNames.javaName(jfrName)).isEqualTo(javaName);
    }

    @ParameterizedTest
    @CsvSource({
            "java.lang.String",
            "java.util.Map$Entry",
            "dev.perfgate.Foo$$Lambda$14/0x0000000800c0b000",
            "[Q",
            "[",
            "[Ljava.lang.String",
    })
    void otherNamesAreLeftAlone(String name) {
        assertThat(JfrNames.javaName(name)).isEqualTo(name);
    }
}

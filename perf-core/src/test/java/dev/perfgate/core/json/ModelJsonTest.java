package dev.perfgate.core.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ModelJsonTest {

    private static final ObjectMapper MAPPER = ModelJson.mapper();

    @ParameterizedTest
    @CsvSource({
        "12.3456789012, 12.3457",
        "1234567.891234, 1234570",
        "1.23456789E12, 1234570000000",
        "0.000123456789, 0.000123457",
        "1.0E-10, 0.0000000001",
        "-0.5, -0.5",
        "100.0, 100",
        "0.0, 0",
        "-0.0, 0",
        "NaN, null",
        "Infinity, null"})
    void numbersHaveSixSignificantDigitsInPlainNotationInEveryLocale(double value, String expected) throws Exception {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.GERMANY, Locale.forLanguageTag("ar-EG")}) {
            String written = GoldenFiles.withLocale(locale, () -> MAPPER.writeValueAsString(ModelJson.number(value)));

            assertThat(written).as("%s in %s", value, locale).isEqualTo(expected);
        }
    }
}

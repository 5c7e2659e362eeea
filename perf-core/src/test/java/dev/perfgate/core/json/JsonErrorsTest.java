package dev.perfgate.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.core.InputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonErrorsTest {

    @Test
    void anUnclosedObjectSaysWhereItOpenedWithoutJacksonsSourceDescription() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> new ObjectMapper().readTree("[{\"benchmark\": \"x\"\n"));

        InputException error = JsonErrors.syntax("results.json", e);

        assertThat(error.getMessage()).contains("results.json").contains("(opened at line 1, column 2)")
                .doesNotContain("Source:").doesNotContain("REDACTED").doesNotContain("\n");
    }
}

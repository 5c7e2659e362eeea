package dev.perfgate.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates init renders, and how values reach the workflows. */
class InitFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final InitSettings SETTINGS = new InitSettings("./mvnw -B -DskipTests package",
            "bench/target/benchmarks.jar", ".*", List.of("linux-x86_64", "linux-aarch64"), "21", "trunk", Map.of());

    @Test
    void templatesAreWorkflowsThemselvesWithPlaceholdersAsPlainValues() throws Exception {
        for (String name : List.of("performance.yml", "performance-comment.yml", "record-baseline.yml")) {
            try (InputStream in = InitFiles.class.getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                JsonNode workflow = YAML.readTree(in);
                assertThat(workflow.path("jobs").size()).as(name).isEqualTo(1);
                assertThat(workflow.path("permissions").path("contents").asText()).as(name).isEqualTo("read");
            }
        }
    }

    @Test
    void renderingFillsEveryPlaceholder() {
        List<InitFiles.File> files = InitFiles.render(SETTINGS);
        assertThat(files).extracting(InitFiles.File::path).containsExactly(".github/workflows/performance.yml",
                ".github/workflows/performance-comment.yml", ".github/workflows/record-baseline.yml",
                "baselines/README.md", "history/README.md", "baselines/.gitignore", "history/.gitignore");
        for (InitFiles.File f : files) {
            assertThat(f.content()).as(f.path()).doesNotContainPattern("__[A-Z_]+__").endsWith("\n");
        }
        assertThat(files.get(0).content()).contains("    branches: ['trunk']")
                .contains("      platforms: 'linux-x86_64,linux-aarch64'");
    }

    @Test
    void aValueIsTakenLiterallyWhateverYamlCharactersItHolds() throws Exception {
        for (String value : List.of("it's", "a: b # c", "*alias", "&anchor x", "{{x}}", "[1, 2]", "@at", "- dash",
                "\"quoted\"", "%percent", "!tag", "yes", "~", "  spaces  ", "back\\slash", "ünïcödé")) {
            JsonNode parsed = YAML.readTree("key: " + InitFiles.yamlString(value) + "\n");
            assertThat(parsed.path("key").isTextual()).as(value).isTrue();
            assertThat(parsed.path("key").asText()).isEqualTo(value);
        }
    }
}

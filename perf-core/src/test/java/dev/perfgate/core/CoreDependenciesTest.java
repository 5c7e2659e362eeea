package dev.perfgate.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** perf-core knows nothing of picocli or JavaFX: neither is even on its test classpath. */
class CoreDependenciesTest {

    @ParameterizedTest
    @ValueSource(strings = {"picocli.CommandLine", "javafx.application.Application", "javafx.scene.Node"})
    void uiAndCliLibrariesAreNotOnTheClasspath(String className) {
        assertThatThrownBy(() -> Class.forName(className, false, CoreDependenciesTest.class.getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }
}

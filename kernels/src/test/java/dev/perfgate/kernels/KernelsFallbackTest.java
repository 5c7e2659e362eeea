package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scalar fallback of the whole module, in a JVM started without
 * {@code --add-modules jdk.incubator.vector}: the same {@code java} executable and class path as
 * this test, running {@link KernelsFallbackCheck}. This guards that no vector class is loaded
 * when the module is absent and that every kernel still gives correct results.
 */
class KernelsFallbackTest {

    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void kernelsRunOnTheScalarPathAndMatchTheOraclesWithoutTheVectorModule(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                javaExecutable(), "-cp", System.getProperty("java.class.path"), KernelsFallbackCheck.class.getName()));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        // JDK_JAVA_OPTIONS could add the module back; the child must start without it.
        builder.environment().remove("JDK_JAVA_OPTIONS");

        Process child = builder.start();
        boolean finished = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(finished).as("child JVM finished within %d s; output:%n%s", TIMEOUT_SECONDS, output).isTrue();
        assertThat(output).as("child JVM output").contains("implementation: scalar");
        assertThat(child.exitValue()).as("child JVM exit code; output:%n%s", output).isZero();
        assertThat(output).contains("all kernels match");
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}

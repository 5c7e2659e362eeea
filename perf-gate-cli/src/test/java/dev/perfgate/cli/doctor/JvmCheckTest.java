package dev.perfgate.cli.doctor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JvmCheckTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** Output shaped like {@code java -XX:+PrintFlagsFinal -XshowSettings:properties -version}. */
    private static JvmCheck.JvmSettings jvm(String vmInfo, String... flags) {
        List<String> lines = new ArrayList<>(List.of("[Global flags]"));
        for (String flag : flags) {
            String[] kv = flag.split("=");
            lines.add("     intx " + kv[0] + "                    = " + kv[1] + "                 {product} {default}");
        }
        lines.addAll(List.of("Property settings:", "    java.runtime.version = 17.0.15+6", "    java.vendor = Debian",
                "    java.vm.info = " + vmInfo, "    java.vm.name = OpenJDK 64-Bit Server VM", "    java.class.path = ",
                "openjdk version \"17.0.15\" 2025-04-15"));
        return JvmCheck.JvmSettings.parse(lines);
    }

    private static final String[] NORMAL = {"TieredCompilation=true", "TieredStopAtLevel=4", "UseCompiler=true",
        "MaxHeapSize=4294967296"};

    @Test
    void aNormalJvmPasses() {
        Finding flags = JvmCheck.flags(jvm("mixed mode, sharing", NORMAL), List.of(), Map.of());
        Finding java = JvmCheck.java(JAVA, jvm("mixed mode, sharing", NORMAL));

        assertThat(flags.status()).isEqualTo(Status.OK);
        assertThat(flags.message()).contains("max heap 4096 MiB");
        assertThat(java.status()).isEqualTo(Status.OK);
        assertThat(java.message()).contains("OpenJDK 64-Bit Server VM 17.0.15+6 (Debian), mixed mode");
    }

    @Test
    void theInterpreterAloneFails() {
        Finding flags = JvmCheck.flags(jvm("interpreted mode, sharing", "UseCompiler=false"), List.of("-Xint"), Map.of());

        assertThat(flags.status()).isEqualTo(Status.FAIL);
        assertThat(flags.message()).contains("interpreter only (-Xint)");
    }

    @Test
    void stoppingTieredCompilationBeforeC2Fails() {
        Finding flags = JvmCheck.flags(jvm("mixed mode", "TieredCompilation=true", "TieredStopAtLevel=1"),
                List.of("-XX:TieredStopAtLevel=1"), Map.of());

        assertThat(flags.status()).isEqualTo(Status.FAIL);
        assertThat(flags.message()).contains("-XX:TieredStopAtLevel=1: C2 never compiles, so scores measure C1's code");
    }

    @Test
    void agentsJfrASmallHeapAndEnvironmentOptionsWarnAndAreNamed() {
        Finding flags = JvmCheck.flags(jvm("mixed mode", "TieredCompilation=true", "TieredStopAtLevel=4",
                        "MaxHeapSize=67108864"),
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n", "-XX:StartFlightRecording"),
                Map.of("JAVA_TOOL_OPTIONS", "-javaagent:/opt/jacoco.jar"));

        assertThat(flags.status()).isEqualTo(Status.WARN);
        assertThat(flags.message()).contains("a debugger agent (-agentlib:jdwp", "JFR always on",
                "an agent (-javaagent:/opt/jacoco.jar)", "a max heap of 64 MiB",
                "JAVA_TOOL_OPTIONS='-javaagent:/opt/jacoco.jar' reaches every benchmark JVM");
        assertThat(flags.advice()).contains("unset JAVA_TOOL_OPTIONS");
        assertThat(flags.details()).containsEntry("environment_options", List.of("JAVA_TOOL_OPTIONS"));
    }

    @Test
    void theRealJvmReportsItselfAndSeesXint() throws Exception {
        JvmCheck.JvmSettings normal = JvmCheck.ask(JAVA, List.of());
        JvmCheck.JvmSettings interpreted = JvmCheck.ask(JAVA, List.of("-Xint"));

        assertThat(normal.properties()).containsKeys("java.vm.name", "java.vendor", "java.vm.info");
        assertThat(normal.maxHeapBytes()).isPositive();
        assertThat(JvmCheck.flags(interpreted, List.of("-Xint"), Map.of()).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aJvmThatDoesNotStartFailsQuotingIt() {
        IOException problem = catchThrowableOfType(() -> JvmCheck.ask(JAVA, List.of("-XX:NoSuchFlagAtAll")),
                IOException.class);

        Finding java = JvmCheck.notStarting(JAVA, problem);

        assertThat(java.status()).isEqualTo(Status.FAIL);
        assertThat(java.message()).contains("does not start with the benchmark JVM arguments: exit code 1",
                "NoSuchFlagAtAll");
    }
}

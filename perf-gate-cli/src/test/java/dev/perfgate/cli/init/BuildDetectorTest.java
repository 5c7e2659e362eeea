package dev.perfgate.cli.init;

import dev.perfgate.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@link BuildDetector} reads Maven and Gradle builds, and what it says when it cannot tell. */
class BuildDetectorTest {

    @TempDir
    Path repo;

    static final String JMH_CORE = "<dependencies><dependency><groupId>org.openjdk.jmh</groupId>"
            + "<artifactId>jmh-core</artifactId><version>1.37</version></dependency></dependencies>";

    static String pom(String artifactId, String inside) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.acme</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.2.0</version>
                  %s
                </project>
                """.formatted(artifactId, inside);
    }

    static String shade(String configuration) {
        return "<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>"
                + "<artifactId>maven-shade-plugin</artifactId><executions><execution><phase>package</phase>"
                + "<goals><goal>shade</goal></goals><configuration>" + configuration
                + "</configuration></execution></executions></plugin></plugins></build>";
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void script(String name, boolean executable) throws IOException {
        write(name, "#!/bin/sh\n");
        Files.setPosixFilePermissions(repo.resolve(name),
                PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    @Test
    void mavenSingleModuleFindsTheShadeFinalNameThroughAProperty() throws Exception {
        write("pom.xml", pom("orders-bench", "<properties><uberjar.name>benchmarks</uberjar.name>"
                + "<maven.compiler.release>21</maven.compiler.release></properties>"
                + JMH_CORE + shade("<finalName>${uberjar.name}</finalName>")));

        Detection d = BuildDetector.detect(repo);

        assertThat(d.tool().value()).isEqualTo("Maven");
        assertThat(d.tool().note()).isEqualTo("pom.xml; no mvnw, so mvn from the PATH");
        assertThat(d.buildCommand().value()).isEqualTo("mvn -B -DskipTests package");
        assertThat(d.benchmarksJar()).isEqualTo(Finding.of("target/benchmarks.jar",
                "maven-shade-plugin finalName in pom.xml"));
        assertThat(d.javaVersion()).isEqualTo(Finding.of("21", "maven.compiler.release in pom.xml"));
        assertThat(d.notes()).isEmpty();
    }

    @Test
    void mavenShadeThatReplacesTheMainJarUsesTheBuildFinalNameOrArtifactIdAndVersion() throws Exception {
        write("pom.xml", pom("orders-bench", JMH_CORE + shade("")));
        assertThat(BuildDetector.detect(repo).benchmarksJar().value()).isEqualTo("target/orders-bench-1.2.0.jar");

        write("pom.xml", pom("orders-bench", JMH_CORE + shade("").replace("<build>", "<build><finalName>perf</finalName>")));
        assertThat(BuildDetector.detect(repo).benchmarksJar().value()).isEqualTo("target/perf.jar");
    }

    @Test
    void mavenAttachedShadedJarCarriesItsClassifier() throws Exception {
        write("pom.xml", pom("orders-bench", JMH_CORE + shade("<shadedArtifactAttached>true</shadedArtifactAttached>"
                + "<shadedClassifierName>jmh</shadedClassifierName>")));
        Detection d = BuildDetector.detect(repo);
        assertThat(d.benchmarksJar().value()).isEqualTo("target/orders-bench-1.2.0-jmh.jar");
        assertThat(d.benchmarksJar().note()).contains("attaches");
    }

    @Test
    void mavenMultiModuleBuildsOnlyTheModuleWithJmhCoreAndWhatItNeeds() throws Exception {
        write("pom.xml", pom("shop-parent", "<packaging>pom</packaging><modules><module>core</module>"
                + "<module>perf/benchmarks</module></modules><properties><jmh.jar>shop-benchmarks</jmh.jar>"
                + "<maven.compiler.release>17</maven.compiler.release></properties>"));
        write("core/pom.xml", pom("shop-core", ""));
        write("perf/benchmarks/pom.xml", pom("shop-benchmarks", JMH_CORE + shade("<finalName>${jmh.jar}</finalName>")));
        script("mvnw", true);

        Detection d = BuildDetector.detect(repo);

        assertThat(d.tool().note()).isEqualTo("pom.xml with 2 modules, wrapper ./mvnw");
        assertThat(d.buildCommand().value()).isEqualTo("./mvnw -B -DskipTests -pl perf/benchmarks -am package");
        assertThat(d.benchmarksJar()).isEqualTo(Finding.of("perf/benchmarks/target/shop-benchmarks.jar",
                "maven-shade-plugin finalName in perf/benchmarks/pom.xml"));
        assertThat(d.javaVersion()).isEqualTo(Finding.of("17", "maven.compiler.release in perf/benchmarks/pom.xml"));
        assertThat(d.notes()).isEmpty();
    }

    @Test
    void mavenMultiModuleWithTwoShadedJmhModulesNamesThemAndFindsNoJar() throws Exception {
        write("pom.xml", pom("shop-parent", "<packaging>pom</packaging><modules><module>a</module>"
                + "<module>b</module></modules>"));
        write("a/pom.xml", pom("a", JMH_CORE + shade("")));
        write("b/pom.xml", pom("b", JMH_CORE + shade("")));

        Detection d = BuildDetector.detect(repo);

        assertThat(d.buildCommand().value()).isEqualTo("mvn -B -DskipTests package");
        assertThat(d.benchmarksJar().found()).isFalse();
        assertThat(d.benchmarksJar().note()).contains("several modules").contains("a/pom.xml, b/pom.xml");
    }

    @Test
    void mavenWithoutShadeSaysWhyItFindsNoJar() throws Exception {
        write("pom.xml", pom("orders-bench", JMH_CORE));
        Finding jar = BuildDetector.detect(repo).benchmarksJar();
        assertThat(jar.found()).isFalse();
        assertThat(jar.note()).contains("pom.xml depends on jmh-core but builds no shaded jar (maven-shade-plugin");
    }

    @Test
    void mavenWithoutJmhSaysWhatItLookedFor() throws Exception {
        write("pom.xml", pom("orders", ""));
        assertThat(BuildDetector.detect(repo).benchmarksJar())
                .isEqualTo(Finding.none("no pom.xml of the Maven build depends on org.openjdk.jmh:jmh-core"));
    }

    @Test
    void mavenPropertyFromOutsideTheRepositoryLeavesTheJarUndetected() throws Exception {
        write("pom.xml", pom("orders-bench", JMH_CORE + shade("<finalName>${from.corporate.parent}</finalName>")));
        Finding jar = BuildDetector.detect(repo).benchmarksJar();
        assertThat(jar.found()).isFalse();
        assertThat(jar.note()).contains("target/${from.corporate.parent}.jar");
    }

    @Test
    void oldJavaReleaseStillRunsOnSeventeen() throws Exception {
        write("pom.xml", pom("orders-bench", "<properties><maven.compiler.source>1.8</maven.compiler.source>"
                + "</properties>" + JMH_CORE + shade("")));
        assertThat(BuildDetector.detect(repo).javaVersion()).isEqualTo(Finding.of("17",
                "maven.compiler.source in pom.xml is Java 8; perf-gate runs on 17 or later"));
    }

    @Test
    void wrapperThatIsNotExecutableIsUsedWithANote() throws Exception {
        write("pom.xml", pom("orders-bench", JMH_CORE + shade("")));
        script("mvnw", false);
        Detection d = BuildDetector.detect(repo);
        assertThat(d.buildCommand().value()).startsWith("./mvnw ");
        assertThat(d.notes()).singleElement().asString().contains("git update-index --chmod=+x mvnw");
    }

    @Test
    void malformedPomIsBadInputNamingTheFileAndLine() throws Exception {
        write("pom.xml", "<project>\n  <artifactId>x</artifactId>\n  <build>\n</project>\n");
        assertThatThrownBy(() -> BuildDetector.detect(repo)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("pom.xml: line 4: not well-formed XML");
    }

    @Test
    void gradleGroovyWithTheJmhPluginAndWrapper() throws Exception {
        write("build.gradle", """
                plugins {
                    id 'java'
                    id 'me.champeau.jmh' version '0.7.2'
                }
                java { toolchain { languageVersion = JavaLanguageVersion.of(21) } }
                """);
        write("settings.gradle", "rootProject.name = 'orders'\n");
        script("gradlew", true);

        Detection d = BuildDetector.detect(repo);

        assertThat(d.tool()).isEqualTo(Finding.of("Gradle", "build.gradle, wrapper ./gradlew"));
        assertThat(d.buildCommand().value()).isEqualTo("./gradlew jmhJar");
        assertThat(d.benchmarksJar().value()).isEqualTo("build/libs/*-jmh.jar");
        assertThat(d.javaVersion().value()).isEqualTo("21");
        assertThat(d.javaVersion().note()).isEqualTo("'JavaLanguageVersion.of(21)' in build.gradle");
    }

    @Test
    void gradleKotlinSubprojectWithoutWrapper() throws Exception {
        write("settings.gradle.kts", "include(\"app\", \"perf:jmh\")\n");
        write("build.gradle.kts", "plugins { java }\n");
        write("app/build.gradle.kts", "plugins { java }\n");
        write("perf/jmh/build.gradle.kts", "plugins {\n    java\n    id(\"me.champeau.jmh\") version \"0.7.2\"\n}\n"
                + "kotlin { jvmToolchain(17) }\n");
        write("perf/jmh/build/tmp/build.gradle.kts", "id(\"me.champeau.jmh\")\n");

        Detection d = BuildDetector.detect(repo);

        assertThat(d.tool()).isEqualTo(Finding.of("Gradle", "build.gradle.kts; no gradlew, so gradle from the PATH"));
        assertThat(d.buildCommand().value()).isEqualTo("gradle :perf:jmh:jmhJar");
        assertThat(d.benchmarksJar().value()).isEqualTo("perf/jmh/build/libs/*-jmh.jar");
        assertThat(d.javaVersion().value()).isEqualTo("17");
    }

    @Test
    void gradleWithoutTheJmhPluginSaysWhatItLookedFor() throws Exception {
        write("build.gradle", "plugins { id 'java' }\n");
        Detection d = BuildDetector.detect(repo);
        assertThat(d.buildCommand().found()).isFalse();
        assertThat(d.benchmarksJar().note()).contains("applies the JMH plugin me.champeau.jmh");
    }

    @Test
    void nothingDetectableNamesWhatItLookedFor() throws Exception {
        write("README.md", "not a build\n");
        Detection d = BuildDetector.detect(repo);
        assertThat(d.tool().found()).isFalse();
        assertThat(d.buildCommand().found()).isFalse();
        assertThat(d.benchmarksJar().note()).contains("pom.xml (Maven)").contains("build.gradle or build.gradle.kts");
        assertThat(d.javaVersion().value()).isEqualTo("17");
    }
}

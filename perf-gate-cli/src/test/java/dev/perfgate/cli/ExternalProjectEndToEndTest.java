package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * perf-gate on a project of a user's: a separate Maven project with JMH benchmarks of its own
 * (package {@code org.acme.orders}), generated here, set up with {@code init}, built with the build
 * command init detected, run, approved and checked; then one benchmark is changed to do ten times
 * the work, rebuilt, and {@code check} fails naming it.
 *
 * <p>The project is built by the Maven that runs this build ({@code perfgate.mavenHome}), offline,
 * from its local repository ({@code perfgate.localRepository}), with the plugin and JMH versions
 * this build uses (read from the parent pom): all of them are there once perfgate itself is built,
 * so the test needs no network. Runs use tiny settings (6 forks of 2 + 3 x 100 ms) and a 15%
 * threshold, as EndToEndTest does: this is about the wiring. Ten times the work stays far beyond the
 * threshold and significant in 6 forks even on a 2-core machine that other jobs load so heavily
 * that forks of unchanged code scatter by a factor of two or more (measured: three times the work
 * was then not significant).
 */
class ExternalProjectEndToEndTest {

    private static final Path PARENT_POM = Path.of("..", "pom.xml").toAbsolutePath().normalize();
    private static final String BENCHMARK_DIR = "src/main/java/org/acme/orders";

    @TempDir
    Path project;

    @Test
    void initBuildRunApproveCheckAndASlowerBenchmarkFailsTheGate() throws Exception {
        Path mvn = maven();
        writeProject();

        Cli.Result init = Cli.run("init", "--project-dir", project.toString(), "--default-branch", "main");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("build           Maven  (pom.xml; no mvnw, so mvn from the PATH)")
                .contains("benchmarks jar  target/benchmarks.jar  (maven-shade-plugin finalName in pom.xml)")
                .contains("wrote     .github/workflows/performance.yml");
        JsonNode gate = CallerWorkflows.assertWritten(project, Map.of("build-command", "mvn -B -DskipTests package",
                "benchmarks-jar", "target/benchmarks.jar", "platforms", "linux-x86_64", "java-version", "17"));
        String buildCommand = gate.path("build-command").asText();
        Path jar = project.resolve(gate.path("benchmarks-jar").asText());

        build(mvn, buildCommand);
        assertThat(jar).isRegularFile();
        Cli.Result run = Cli.run(tiny("run", "--benchmarks", jar.toString(), "--out", out("base.json")));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("org.acme.orders.PriceBenchmark.total");

        Cli.Result approve = Cli.run("approve", "--project-dir", project.toString(), "--results", out("base.json"),
                "--reason", "first baseline of the orders benchmarks", "--approver", "e2e", "--allow-noisy",
                // Iterations of 100 ms may still drift on a loaded machine; the warm-up rule has tests of its own.
                "--allow-unsettled");
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        assertThat(approve.out()).contains("org.acme.orders.PriceBenchmark.total").contains("org.acme.orders.TaxBenchmark.round");
        assertThat(project.resolve("baselines").resolve("README.md")).as("init's README stays beside the baseline").exists();

        Cli.Result same = Cli.run(tiny("check", "--benchmarks", jar.toString(), "--out", out("same.json"),
                "--threshold", "15"));
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).contains("perf-gate: PASS");

        writePriceBenchmark(10);
        build(mvn, buildCommand);
        Cli.Result slow = Cli.run(tiny("check", "--benchmarks", jar.toString(), "--out", out("slow.json"),
                "--threshold", "15", "--json", out("slow-report.json")));
        assertThat(slow.exitCode()).as(slow.toString()).isEqualTo(ExitCodes.REGRESSION);
        assertThat(slow.out()).containsPattern("PriceBenchmark\\.total +us/op .* \\+\\d+\\.\\d% .*REGRESSION");
        assertThat(verdicts(Path.of(out("slow-report.json"))))
                .containsEntry("org.acme.orders.PriceBenchmark.total", "regression")
                .doesNotContainEntry("org.acme.orders.TaxBenchmark.round", "regression");
    }

    /** A command with the project and tiny run settings. */
    private String[] tiny(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--project-dir", project.toString(),
                "--forks", "6", "--warmup-iterations", "3", "--iterations", "3", "--iteration-time", "100ms"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private String out(String name) {
        return project.resolve("target").resolve("perf-gate").resolve(name).toString();
    }

    private static Map<String, String> verdicts(Path report) throws Exception {
        Map<String, String> verdicts = new java.util.HashMap<>();
        for (JsonNode r : new ObjectMapper().readTree(report.toFile()).path("results")) {
            if (r.path("metric").asText().equals("primary")) {
                verdicts.put(r.path("benchmark").asText(), r.path("verdict").asText());
            }
        }
        return verdicts;
    }

    /**
     * The Maven running this build; else one on the PATH; else the test is skipped, saying so.
     */
    private static Path maven() {
        String exe = File.separatorChar == '\\' ? "mvn.cmd" : "mvn";
        String home = System.getProperty("perfgate.mavenHome", "");
        if (!home.isEmpty() && !home.startsWith("${") && Files.isExecutable(Path.of(home, "bin", exe))) {
            return Path.of(home, "bin", exe);
        }
        Path onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, exe)).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(onPath != null, "no Maven to build the external project: system property perfgate.mavenHome "
                + "(set by the build) names none and " + exe + " is not on the PATH");
        return onPath;
    }

    /**
     * Runs the build command init detected, with this Maven, offline and from this build's local
     * repository; fails with Maven's output when the build fails.
     */
    private void build(Path mvn, String buildCommand) throws Exception {
        List<String> words = List.of(buildCommand.split(" +"));
        assertThat(words.get(0)).isEqualTo("mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString()));
        command.addAll(words.subList(1, words.size()));
        command.addAll(List.of("-o", "-q"));
        String repository = System.getProperty("perfgate.localRepository", "");
        if (!repository.isEmpty() && !repository.startsWith("${")) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = builder.start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done && p.exitValue() == 0).as("%s\n%s", command, Files.readString(log)).isTrue();
    }

    private void writeProject() throws Exception {
        Document parent = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PARENT_POM.toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        Map<String, String> v = new java.util.HashMap<>();
        v.put("jmh", xpath.evaluate("/project/properties/jmh.version", parent));
        for (String plugin : List.of("compiler", "resources", "jar", "surefire", "shade")) {
            v.put(plugin, xpath.evaluate("/project/build/pluginManagement/plugins/plugin[artifactId='maven-"
                    + plugin + "-plugin']/version", parent));
        }
        assertThat(v.values()).as("versions in %s", PARENT_POM).doesNotContain("");
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.acme</groupId>
                  <artifactId>orders-benchmarks</artifactId>
                  <version>1.0-SNAPSHOT</version>

                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                    <jmh.version>%s</jmh.version>
                    <uberjar.name>benchmarks</uberjar.name>
                  </properties>

                  <dependencies>
                    <dependency>
                      <groupId>org.openjdk.jmh</groupId>
                      <artifactId>jmh-core</artifactId>
                      <version>${jmh.version}</version>
                    </dependency>
                  </dependencies>

                  <build>
                    <plugins>
                      <plugin>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <annotationProcessorPaths>
                            <path>
                              <groupId>org.openjdk.jmh</groupId>
                              <artifactId>jmh-generator-annprocess</artifactId>
                              <version>${jmh.version}</version>
                            </path>
                          </annotationProcessorPaths>
                        </configuration>
                      </plugin>
                      <plugin><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
                      <plugin><artifactId>maven-jar-plugin</artifactId><version>%s</version></plugin>
                      <plugin><artifactId>maven-surefire-plugin</artifactId><version>%s</version></plugin>
                      <plugin>
                        <artifactId>maven-shade-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <phase>package</phase>
                            <goals><goal>shade</goal></goals>
                            <configuration>
                              <finalName>${uberjar.name}</finalName>
                              <createDependencyReducedPom>false</createDependencyReducedPom>
                              <transformers>
                                <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">
                                  <mainClass>org.openjdk.jmh.Main</mainClass>
                                </transformer>
                                <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
                              </transformers>
                              <filters>
                                <filter>
                                  <artifact>*:*</artifact>
                                  <excludes>
                                    <exclude>META-INF/*.SF</exclude>
                                    <exclude>META-INF/*.DSA</exclude>
                                    <exclude>META-INF/*.RSA</exclude>
                                  </excludes>
                                </filter>
                              </filters>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(v.get("jmh"), v.get("compiler"), v.get("resources"), v.get("jar"), v.get("surefire"),
                v.get("shade")));
        Files.createDirectories(project.resolve(BENCHMARK_DIR));
        writePriceBenchmark(1);
        Files.writeString(project.resolve(BENCHMARK_DIR).resolve("TaxBenchmark.java"), """
                package org.acme.orders;

                import org.openjdk.jmh.annotations.*;

                import java.util.Random;
                import java.util.concurrent.TimeUnit;

                /** Rounds the tax of every line of an order to the cent. */
                @BenchmarkMode(Mode.AverageTime)
                @OutputTimeUnit(TimeUnit.MICROSECONDS)
                @State(Scope.Benchmark)
                public class TaxBenchmark {

                    private double[] prices;

                    @Setup
                    public void setUp() {
                        Random random = new Random(7);
                        prices = new double[2000];
                        for (int i = 0; i < prices.length; i++) {
                            prices[i] = random.nextInt(100_000) / 100.0;
                        }
                    }

                    @Benchmark
                    public double round() {
                        double tax = 0;
                        for (double price : prices) {
                            tax += Math.round(price * 19.0) / 100.0;
                        }
                        return tax;
                    }
                }
                """);
    }

    /**
     * The order-total benchmark: a polynomial hash over the order's cents, every pass depending on the
     * last, so that {@code passes} passes take that many times as long.
     */
    private void writePriceBenchmark(int passes) throws Exception {
        Files.writeString(project.resolve(BENCHMARK_DIR).resolve("PriceBenchmark.java"), """
                package org.acme.orders;

                import org.openjdk.jmh.annotations.*;

                import java.util.Random;
                import java.util.concurrent.TimeUnit;

                /** Checksums the prices of an order, in cents. */
                @BenchmarkMode(Mode.AverageTime)
                @OutputTimeUnit(TimeUnit.MICROSECONDS)
                @State(Scope.Benchmark)
                public class PriceBenchmark {

                    private static final int PASSES = %d;

                    private int[] cents;

                    @Setup
                    public void setUp() {
                        Random random = new Random(42);
                        cents = new int[2000];
                        for (int i = 0; i < cents.length; i++) {
                            cents[i] = random.nextInt(100_000);
                        }
                    }

                    @Benchmark
                    public long total() {
                        long h = 0;
                        for (int pass = 0; pass < PASSES; pass++) {
                            for (int c : cents) {
                                h = 31 * h + c;
                            }
                        }
                        return h;
                    }
                }
                """.formatted(passes));
    }
}

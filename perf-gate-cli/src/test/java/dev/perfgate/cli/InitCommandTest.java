package dev.perfgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code perf-gate init} on small repositories: what it prints and writes, and when it refuses. */
class InitCommandTest {

    @TempDir
    Path repo;

    private static final List<String> WRITTEN = List.of(".github/workflows/performance.yml",
            ".github/workflows/performance-comment.yml", ".github/workflows/record-baseline.yml",
            "baselines/README.md", "history/README.md", "baselines/.gitignore", "history/.gitignore");

    private void mavenProject() throws IOException {
        Files.writeString(repo.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.acme</groupId>
                  <artifactId>orders-bench</artifactId>
                  <version>1.0</version>
                  <properties><uberjar.name>benchmarks</uberjar.name></properties>
                  <dependencies>
                    <dependency><groupId>org.openjdk.jmh</groupId><artifactId>jmh-core</artifactId><version>1.37</version></dependency>
                  </dependencies>
                  <build><plugins><plugin>
                    <artifactId>maven-shade-plugin</artifactId>
                    <executions><execution><phase>package</phase><goals><goal>shade</goal></goals>
                      <configuration><finalName>${uberjar.name}</finalName></configuration>
                    </execution></executions>
                  </plugin></plugins></build>
                </project>
                """);
    }

    private Cli.Result init(String... args) {
        List<String> all = new ArrayList<>(List.of("init", "--project-dir", repo.toString(), "--default-branch", "main"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    /** Every file under the repository with its content, to show that nothing changed. */
    private Map<String, String> files() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(repo)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(repo.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return files;
    }

    /**
     * The error that ended the command. A warning may come before it: the tests' temporary folders
     * can lie inside a git repository, and then init says that they are not its root.
     */
    private static String lastLine(String err) {
        String[] lines = err.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void printsWhatItDetectedWhatItWroteAndTheNextCommands() throws Exception {
        mavenProject();

        Cli.Result result = init();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("""
                perf-gate init: %s
                  build           Maven  (pom.xml; no mvnw, so mvn from the PATH)
                  build command   mvn -B -DskipTests package  (the module with jmh-core is the root)
                  benchmarks jar  target/benchmarks.jar  (maven-shade-plugin finalName in pom.xml)
                  java            17  (the default: pom.xml names no Java version)
                  platforms       linux-x86_64  (the default; --platforms linux-x86_64,linux-aarch64 to gate more)
                  default branch  main  (--default-branch)
                wrote     .github/workflows/performance.yml          the gate on pull requests and pushes to main
                wrote     .github/workflows/performance-comment.yml  posts the report on the pull request
                wrote     .github/workflows/record-baseline.yml      measures new baselines on the runners, opens a pull request (run by hand)
                wrote     baselines/README.md                        what the baselines are and how they change
                wrote     history/README.md                          what the history is and how it grows
                wrote     baselines/.gitignore                       keeps perf-gate's lock files out of git
                wrote     history/.gitignore                         keeps perf-gate's lock files out of git

                Next: try it here, then commit.
                  cd %s
                  mvn -B -DskipTests package
                  java -jar perf-gate.jar run --benchmarks target/benchmarks.jar
                  java -jar perf-gate.jar approve --results target/perf-gate/results.json --reason "first baseline"
                  git add .github/workflows baselines history && git commit -m "Gate the JMH benchmarks with perf-gate"
                Then push, and run the 'record baseline' workflow (Actions tab) to measure the baselines that CI checks against on its own runners; it opens a pull request with them.
                """.formatted(repo.toAbsolutePath(), repo.toAbsolutePath()));
        assertThat(files().keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of("pom.xml"), WRITTEN.stream()).toList());
        assertThat(Files.readString(repo.resolve("baselines/README.md"))).contains("linux-x86_64.json")
                .contains("record baseline").contains("perf-gate approve --reason").doesNotContain("__");
        assertThat(Files.readString(repo.resolve("history/README.md"))).contains("linux-x86_64.jsonl")
                .contains("perf-history").doesNotContain("__");
        // git itself leaves the lock files that perf-gate takes beside baselines and histories out.
        new ProcessBuilder("git", "init", "-q", repo.toString()).start().waitFor();
        Files.createFile(repo.resolve("baselines/.linux-x86_64.json.lock"));
        Files.createFile(repo.resolve("history/.linux-x86_64.jsonl.lock"));
        Process ignored = new ProcessBuilder("git", "-C", repo.toString(), "check-ignore", "baselines/.linux-x86_64.json.lock",
                "history/.linux-x86_64.jsonl.lock", "baselines/linux-x86_64.json").redirectErrorStream(true).start();
        assertThat(new String(ignored.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines())
                .containsExactly("baselines/.linux-x86_64.json.lock", "history/.linux-x86_64.jsonl.lock");
    }

    @Test
    void writtenWorkflowsCallTheReusableWorkflowsWithTheDetectedBuild() throws Exception {
        mavenProject();
        assertThat(init().exitCode()).isZero();

        CallerWorkflows.assertWritten(repo, Map.of("build-command", "mvn -B -DskipTests package",
                "benchmarks-jar", "target/benchmarks.jar", "include", ".*", "platforms", "linux-x86_64",
                "java-version", "17"));
        assertThat(Files.readString(repo.resolve(".github/workflows/performance.yml")))
                .contains("    branches: ['main']");
    }

    @Test
    void optionsOverrideDetectionAndReachTheWorkflowsLiterally() throws Exception {
        String command = "make bench ARGS='-x' # it's built";
        Cli.Result result = init("--build-command", command, "--benchmarks-jar", "out/*-jmh.jar",
                "--platforms", "linux-x86_64,linux-aarch64", "--include", "com\\.acme\\..*", "--java-version", "21");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("build command   " + command + "  (--build-command)")
                .contains("platforms       linux-x86_64,linux-aarch64  (--platforms)")
                .contains("run --benchmarks out/*-jmh.jar --include 'com\\.acme\\..*'");
        CallerWorkflows.assertWritten(repo, Map.of("build-command", command, "benchmarks-jar", "out/*-jmh.jar",
                "include", "com\\.acme\\..*", "platforms", "linux-x86_64,linux-aarch64", "java-version", "21"));
    }

    @Test
    void aRunnerPutsItsPlatformOnTheUsersOwnMachinesInBothWorkflows() throws Exception {
        mavenProject();
        Cli.Result result = init("--platforms", "linux-x86_64,linux-aarch64", "--runner",
                "linux-x86_64=self-hosted,linux,x64,perf");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("runner          linux-x86_64 on the runners labelled self-hosted, linux, x64, "
                + "perf  (--runner)");
        CallerWorkflows.assertWritten(repo, Map.of("platforms", "linux-x86_64,linux-aarch64",
                "runners", "{\"linux-x86_64\":[\"self-hosted\",\"linux\",\"x64\",\"perf\"]}"));
        // Without --runner, the input is left out: GitHub-hosted runners are the reusable workflows' default.
        Cli.Result hosted = init("--force");
        assertThat(hosted.exitCode()).as(hosted.toString()).isZero();
        assertThat(hosted.out()).doesNotContain("runner   ");
        CallerWorkflows.assertWritten(repo, Map.of("runners", ""));
    }

    @Test
    void refusesToOverwriteWithoutForceListsTheFilesAndChangesNothing() throws Exception {
        mavenProject();
        assertThat(init().exitCode()).isZero();
        Files.writeString(repo.resolve(".github/workflows/performance.yml"), "name: mine\n");
        Files.writeString(repo.resolve("history/README.md"), "our notes\n");
        Files.delete(repo.resolve("baselines/README.md"));
        Map<String, String> before = files();

        Cli.Result refused = init();

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(lastLine(refused.err())).isEqualTo("perf-gate: init would overwrite 2 existing files that differ from what "
                + "it writes: .github/workflows/performance.yml, history/README.md; nothing was written; pass --force "
                + "to overwrite them (--dry-run shows what it would write)");
        assertThat(files()).as("not even the missing README is written").isEqualTo(before);

        Cli.Result forced = init("--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("overwrote .github/workflows/performance.yml")
                .contains("wrote     baselines/README.md").contains("unchanged .github/workflows/record-baseline.yml")
                .contains("overwrote history/README.md");
        CallerWorkflows.assertWritten(repo, Map.of("benchmarks-jar", "target/benchmarks.jar"));
    }

    @Test
    void runningItAgainChangesNothingAndNeedsNoForce() throws Exception {
        mavenProject();
        assertThat(init().exitCode()).isZero();
        Map<String, String> before = files();

        Cli.Result again = init();

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("unchanged .github/workflows/performance.yml").doesNotContain("wrote");
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void dryRunListsAndShowsTheFilesAndWritesNothing() throws Exception {
        mavenProject();
        Files.createDirectories(repo.resolve("history"));
        Files.writeString(repo.resolve("history/README.md"), "ours\n");

        Cli.Result dry = init("--dry-run");

        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("would write .github/workflows/performance.yml")
                .contains("would overwrite history/README.md")
                .contains("--- .github/workflows/record-baseline.yml\n# Records new baselines")
                .contains("      benchmarks-jar: 'target/benchmarks.jar'");
        assertThat(files().keySet()).containsExactlyInAnyOrder("pom.xml", "history/README.md");
    }

    @Test
    void undetectableBuildNamesWhatItLookedForAndTheOptionsAndWritesNothing() throws Exception {
        Files.writeString(repo.resolve("build.gradle"), "plugins { id 'java' }\n");

        Cli.Result result = init();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(lastLine(result.err())).isEqualTo("perf-gate: init cannot tell how the benchmarks jar is built nor where "
                + "(no build.gradle or build.gradle.kts of the Gradle build applies the JMH plugin me.champeau.jmh, "
                + "whose jmhJar task builds the benchmarks jar): pass --build-command and --benchmarks-jar; "
                + "nothing was written");
        assertThat(files().keySet()).containsExactly("build.gradle");

        Cli.Result given = init("--build-command", "./gradlew shadowJar", "--benchmarks-jar", "build/libs/bench-all.jar");
        assertThat(given.exitCode()).as(given.toString()).isZero();
        assertThat(given.out()).contains("build           Gradle");
    }

    @Test
    void onlyTheJarUndetectedAsksForTheJarAlone() throws Exception {
        Files.writeString(repo.resolve("pom.xml"), "<project><artifactId>plain</artifactId><version>1</version></project>");
        Cli.Result result = init();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(lastLine(result.err())).isEqualTo("perf-gate: init cannot tell where the benchmarks jar is built (no pom.xml of "
                + "the Maven build depends on org.openjdk.jmh:jmh-core): pass --benchmarks-jar; nothing was written");
    }

    @Test
    void valuesGitHubWouldNotTakeLiterallyAreRefused() throws Exception {
        mavenProject();
        Map<List<String>, String> refused = Map.of(
                List.of("--build-command", "mvn ${{ github.token }}"), "--build-command must not contain '${{'",
                List.of("--benchmarks-jar", "/opt/bench.jar"), "--benchmarks-jar must be a path inside the repository",
                List.of("--benchmarks-jar", "../x.jar"), "--benchmarks-jar must be a path inside the repository",
                List.of("--platforms", "linux-x86_64,solaris-sparc"), "--platforms: os must be one of linux, macos, windows but was 'solaris'",
                List.of("--java-version", "11"), "--java-version must be a JDK feature version, 17 or later",
                List.of("--include", "("), "--include: not a valid regular expression",
                List.of("--runner", "linux-aarch64=perf"), "--runner linux-aarch64: not one of the platforms (linux-x86_64)",
                List.of("--runner", "linux-x86_64=self-hosted,,perf"), "--runner linux-x86_64=self-hosted,,perf: the runner's labels must be",
                List.of("--runner", "linux-x86_64=${{ vars.R }}"), "--runner linux-x86_64=${{ vars.R }}: the runner's labels must be");
        for (Map.Entry<List<String>, String> c : refused.entrySet()) {
            Cli.Result result = init(c.getKey().toArray(String[]::new));
            assertThat(result.exitCode()).as(c.getKey().toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(lastLine(result.err())).as(c.getKey().toString()).startsWith("perf-gate: " + c.getValue());
            assertThat(result.err()).as("no stack trace").doesNotContain("\tat ");
        }
        assertThat(files().keySet()).containsExactly("pom.xml");
    }

    @Test
    void aFileWhereAFolderMustGoIsBadInputAndNothingIsWritten() throws Exception {
        mavenProject();
        Files.writeString(repo.resolve("history"), "a file, not a folder\n");

        Cli.Result result = init("--force");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(lastLine(result.err())).startsWith("perf-gate: " + repo.resolve("history") + ": is a file, but init writes "
                + "history/README.md inside a folder of that name");
        assertThat(files().keySet()).containsExactlyInAnyOrder("pom.xml", "history");
    }

    @Test
    void brokenPomsAreRefusedInOneLineOrReadAsTheyAre() throws Exception {
        mavenProject();
        byte[] pom = Files.readAllBytes(repo.resolve("pom.xml"));
        int refused = 0;
        for (long seed = 1; seed <= Integer.getInteger("perfgate.fuzz.cli", 25); seed++) {
            Files.write(repo.resolve("pom.xml"), dev.perfgate.core.fuzz.Mutations.mutate(pom, seed));
            Cli.Result result = init("--dry-run");
            assertThat(result.exitCode()).as("seed %d: %s", seed, result).isIn(0, ExitCodes.BAD_INPUT);
            assertThat(result.err()).as("seed %d", seed).doesNotContain("unexpected error").doesNotContain("\tat ");
            if (result.exitCode() == ExitCodes.BAD_INPUT) {
                refused++;
                assertThat(lastLine(result.err())).as("seed %d", seed).startsWith("perf-gate: ");
            }
        }
        assertThat(refused).as("some mutations break the pom").isPositive();
        assertThat(files().keySet()).containsExactly("pom.xml");
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        Cli.Result help = Cli.run("init", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: perf-gate init").contains("--build-command").contains("--benchmarks-jar")
                .contains("--platforms").contains("--force").contains("--dry-run").contains("Exit codes:");
    }
}

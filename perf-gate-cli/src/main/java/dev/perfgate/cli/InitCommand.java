package dev.perfgate.cli;

import dev.perfgate.cli.init.BuildDetector;
import dev.perfgate.cli.init.Detection;
import dev.perfgate.cli.init.Finding;
import dev.perfgate.cli.init.InitFiles;
import dev.perfgate.cli.init.InitSettings;
import dev.perfgate.core.platform.Vcs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code perf-gate init}: sets a repository up for the gate in CI. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Sets a repository up for perf-gate: detects how it builds its JMH benchmarks jar (Maven, "
                + "multi-module Maven with a module depending on jmh-core and shading it, or Gradle with the "
                + "me.champeau.jmh plugin; mvnw and gradlew preferred), then writes the GitHub workflows that call "
                + "perfgate's reusable ones (.github/workflows/performance.yml, performance-comment.yml, "
                + "record-baseline.yml), a README and a .gitignore (for perf-gate's lock files) in baselines/ and "
                + "history/, and prints the next commands.",
            "Asks nothing: what it cannot detect it names, with the option to pass. It checks every file before "
                + "writing any, and changes no existing file unless --force."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the files are written (or, with --dry-run, listed), or were already as init writes them",
            "2:bad usage or bad input, nothing detectable, or existing files that differ without --force: nothing "
                + "is written (the message names the file)"})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "The repository's root, where the build files are and the files are written "
                    + "(default: the current directory).")
    Path projectDir;

    @Option(names = "--build-command", paramLabel = "COMMAND",
            description = "The command that builds the benchmarks jar, run at the repository root (default: detected, "
                    + "e.g. 'mvn -B -DskipTests package' or './gradlew jmhJar').")
    String buildCommand;

    @Option(names = "--benchmarks-jar", paramLabel = "PATH",
            description = "Where that command writes the JMH benchmarks jar, relative to the repository root; a glob "
                    + "such as build/libs/*-jmh.jar allowed (default: detected).")
    String benchmarksJar;

    @Option(names = "--platforms", paramLabel = "KEY[,KEY...]", split = ",", defaultValue = "linux-x86_64",
            description = "The platforms to gate, each on its GitHub-hosted runner unless --runner names others: "
                    + "linux-x86_64, linux-aarch64, "
                    + "macos-aarch64, macos-x86_64, windows-x86_64 (default: ${DEFAULT-VALUE}).")
    List<String> platforms;

    @Option(names = "--runner", paramLabel = "KEY=LABEL[,LABEL...]",
            description = "Run a platform on your own runners, those with all these labels, instead of its "
                    + "GitHub-hosted runner, e.g. --runner linux-x86_64=self-hosted,linux,x64,perf; once per platform "
                    + "(default: GitHub-hosted runners only). Pull requests from forks still run on GitHub-hosted ones.")
    Map<String, String> runner = new LinkedHashMap<>();

    @Option(names = "--include", paramLabel = "REGEX", defaultValue = ".*",
            description = "The benchmarks to run, a JMH include regex (default: ${DEFAULT-VALUE}, all of them).")
    String include;

    @Option(names = "--java-version", paramLabel = "N",
            description = "The JDK to build and run with (default: the build's Java release if 17 or later, else 17).")
    String javaVersion;

    @Option(names = "--default-branch", paramLabel = "BRANCH",
            description = "The branch whose pushes are gated and recorded in the history (default: git's origin/HEAD, "
                    + "else main).")
    String defaultBranch;

    @Option(names = "--force", description = "Overwrite existing files that differ from what init writes.")
    boolean force;

    @Option(names = "--dry-run", description = "Print what would be written, and the files' text; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(projectDir)) {
            throw new UsageException("--project-dir " + projectDir + ": no such directory");
        }
        Detection detection = BuildDetector.detect(projectDir);
        Finding command = given(buildCommand, "--build-command", detection.buildCommand());
        Finding jar = given(benchmarksJar, "--benchmarks-jar", detection.benchmarksJar());
        if (!command.found() || !jar.found()) {
            throw new UsageException(undetected(command, jar));
        }
        Finding java = given(javaVersion, "--java-version", detection.javaVersion());
        Finding branch = defaultBranch != null ? Finding.of(defaultBranch, "--default-branch") : defaultBranch();
        InitSettings settings;
        try {
            Map<String, List<String>> runners = new LinkedHashMap<>();
            runner.forEach((key, labels) -> runners.put(key, List.of(labels.split(",", -1))));
            settings = new InitSettings(command.value(), jar.value(), include, platforms, java.value(), branch.value(),
                    runners);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<InitFiles.Target> targets = InitFiles.plan(projectDir, InitFiles.render(settings));

        PrintWriter out = spec.commandLine().getOut();
        out.println("perf-gate init: " + projectDir.toAbsolutePath().normalize());
        row(out, "build", detection.tool());
        row(out, "build command", command);
        row(out, "benchmarks jar", jar);
        row(out, "java", java);
        row(out, "platforms", Finding.of(String.join(",", settings.platforms()),
                spec.commandLine().getParseResult().hasMatchedOption("--platforms") ? "--platforms"
                        : "the default; --platforms linux-x86_64,linux-aarch64 to gate more"));
        settings.runners().forEach((key, labels) -> row(out, "runner", Finding.of(key + " on the runners labelled "
                + String.join(", ", labels), "--runner")));
        row(out, "default branch", branch);
        detection.notes().forEach(n -> spec.commandLine().getErr().println("perf-gate: warning: " + n));
        warnIfNotTheRepositoryRoot();

        if (dryRun) {
            printDryRun(out, targets);
            return ExitCodes.OK;
        }
        List<String> conflicts = targets.stream().filter(t -> t.change() == InitFiles.Change.OVERWRITE)
                .map(t -> t.file().path()).toList();
        if (!conflicts.isEmpty() && !force) {
            throw new UsageException("init would overwrite " + conflicts.size() + " existing file"
                    + (conflicts.size() == 1 ? "" : "s") + " that differ" + (conflicts.size() == 1 ? "s" : "")
                    + " from what it writes: " + String.join(", ", conflicts)
                    + "; nothing was written; pass --force to overwrite " + (conflicts.size() == 1 ? "it" : "them")
                    + " (--dry-run shows what it would write)");
        }
        InitFiles.write(targets);
        int width = targets.stream().mapToInt(t -> t.file().path().length()).max().orElse(0);
        for (InitFiles.Target t : targets) {
            out.printf("%-10s%-" + width + "s  %s%n", t.change().done(), t.file().path(), t.file().purpose());
        }
        printNextSteps(out, settings);
        return ExitCodes.OK;
    }

    /** The option's value when given, else what was detected. */
    private static Finding given(String value, String option, Finding detected) {
        return value != null ? Finding.of(value, option) : detected;
    }

    /** What init could not detect, why, and the options to pass. */
    private static String undetected(Finding command, Finding jar) {
        String nothing = "; nothing was written";
        if (!command.found() && !jar.found() && command.note().equals(jar.note())) {
            return "init cannot tell how the benchmarks jar is built nor where (" + command.note()
                    + "): pass --build-command and --benchmarks-jar" + nothing;
        }
        List<String> missing = new ArrayList<>();
        if (!command.found()) {
            missing.add("the command that builds the benchmarks jar (" + command.note() + "): pass --build-command");
        }
        if (!jar.found()) {
            missing.add("where the benchmarks jar is built (" + jar.note() + "): pass --benchmarks-jar");
        }
        return "init cannot tell " + String.join("; nor ", missing) + nothing;
    }

    private static void row(PrintWriter out, String label, Finding finding) {
        out.printf("  %-15s %s  (%s)%n", label, finding.found() ? finding.value() : "not detected", finding.note());
    }

    private static void printDryRun(PrintWriter out, List<InitFiles.Target> targets) {
        for (InitFiles.Target t : targets) {
            out.println("would " + t.change().verb() + " " + t.file().path());
        }
        for (InitFiles.Target t : targets) {
            out.println();
            out.println("--- " + t.file().path());
            out.print(t.file().content());
        }
    }

    private Finding defaultBranch() {
        Optional<String> origin = Vcs.git("git", projectDir, Vcs.GIT_TIMEOUT, "symbolic-ref", "--short",
                "refs/remotes/origin/HEAD");
        return origin.filter(o -> o.startsWith("origin/") && o.length() > "origin/".length())
                .map(o -> Finding.of(o.substring("origin/".length()), "git's origin/HEAD"))
                .orElseGet(() -> Finding.of("main", "assumed: git names no origin/HEAD; --default-branch to change"));
    }

    /** GitHub reads workflows only at the repository's root. */
    private void warnIfNotTheRepositoryRoot() throws java.io.IOException {
        Optional<String> top = Vcs.git("git", projectDir, Vcs.GIT_TIMEOUT, "rev-parse", "--show-toplevel");
        if (top.isPresent() && !Path.of(top.get()).toRealPath().equals(projectDir.toRealPath())) {
            spec.commandLine().getErr().println("perf-gate: warning: " + projectDir.toAbsolutePath().normalize()
                    + " is not the root of its git repository (" + top.get() + "); GitHub reads workflows only from "
                    + "the root's .github/workflows, and runs the build command and finds the jar from there");
        }
    }

    private void printNextSteps(PrintWriter out, InitSettings settings) {
        String perfGate = "java -jar " + runningJar();
        Path here = Path.of("").toAbsolutePath();
        Path dir = projectDir.toAbsolutePath().normalize();
        out.println();
        out.println("Next: try it here, then commit.");
        if (!dir.equals(here)) {
            out.println("  cd " + quote(dir.toString()));
        }
        out.println("  " + settings.buildCommand());
        out.println("  " + perfGate + " run --benchmarks " + settings.benchmarksJar()
                + (".*".equals(settings.include()) ? "" : " --include " + quote(settings.include())));
        out.println("  " + perfGate + " approve --results target/perf-gate/results.json --reason \"first baseline\"");
        out.println("  git add .github/workflows baselines history && git commit -m \"Gate the JMH benchmarks with perf-gate\"");
        out.println("Then push, and run the 'record baseline' workflow (Actions tab) to measure the baselines that CI "
                + "checks against on its own runners; it opens a pull request with them.");
    }

    /** The jar perf-gate runs from, for commands to copy; {@code perf-gate.jar} when not run from a jar. */
    private static String runningJar() {
        try {
            Path location = Path.of(InitCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                return quote(location.toString());
            }
        } catch (Exception e) {
            // no code source (e.g. a custom class loader): fall through to the jar's usual name
        }
        return "perf-gate.jar";
    }

    /** Quotes a word for a POSIX shell when it needs it. */
    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}

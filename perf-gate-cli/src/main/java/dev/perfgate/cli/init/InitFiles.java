package dev.perfgate.cli.init;

import dev.perfgate.core.InputException;
import dev.perfgate.core.files.SafeFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files {@code perf-gate init} writes, rendered from the templates beside this class: the
 * three caller workflows of perfgate's reusable workflows ({@code perfgate/perfgate}, tag
 * {@code v1}), the READMEs of {@code baselines/} and {@code history/} and a {@code .gitignore} in each
 * for perf-gate's lock files; and writing them all or
 * none: {@link #plan} looks at every target before {@link #write} changes any.
 *
 * <p>The templates are valid YAML and Markdown themselves: a placeholder such as
 * {@code __BUILD_COMMAND__} stands where a value goes, and in a workflow it is replaced by the value
 * as a single-quoted YAML string, which YAML takes literally. An input line whose value is the
 * reusable workflows' default for it ({@link #REUSABLE_DEFAULTS}) is left out, so that the workflow a
 * user reads holds only what differs from the defaults (its header comment names the other inputs).
 */
public final class InitFiles {

    /** A file to write: its path relative to the repository root ('/'-separated), what it is for, its text. */
    public record File(String path, String purpose, String content) {
    }

    /** What writing a file would do to the repository. */
    public enum Change {
        /** The file does not exist yet. */
        NEW("write", "wrote"),
        /** The file exists with exactly this content: left as it is. */
        UNCHANGED("leave unchanged", "unchanged"),
        /** The file exists with other content: written only with {@code --force}. */
        OVERWRITE("overwrite", "overwrote");

        private final String verb;
        private final String done;

        Change(String verb, String done) {
            this.verb = verb;
            this.done = done;
        }

        /** What would be done, for a listing of what would happen: write, leave unchanged, overwrite. */
        public String verb() {
            return verb;
        }

        /** What was done: wrote, unchanged, overwrote. */
        public String done() {
            return done;
        }
    }

    /** A file and what writing it would change. */
    public record Target(File file, Path path, Change change) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("__[A-Z_]+__");

    /**
     * The defaults of the reusable workflows' optional inputs ({@code perf-gate.yml} and
     * {@code perf-gate-record-baseline.yml} declare the same), by placeholder: a caller's input line
     * holding one of these values is left out. A {@code v1} release keeps its defaults.
     */
    static final Map<String, String> REUSABLE_DEFAULTS = Map.of(
            "__INCLUDE__", ".*",
            "__PLATFORMS__", "linux-x86_64",
            "__JAVA_VERSION__", "17",
            "__RUNNERS__", "");
    /** A YAML line that is one input given by a placeholder, e.g. {@code       include: __INCLUDE__}. */
    private static final Pattern INPUT_LINE = Pattern.compile("(?m)^ +[a-z-]+: (__[A-Z_]+__)\\R");

    private InitFiles() {
    }

    /** The files for these settings, in the order they are listed. */
    public static List<File> render(InitSettings s) {
        Map<String, String> values = Map.of(
                "__BUILD_COMMAND__", s.buildCommand(),
                "__BENCHMARKS_JAR__", s.benchmarksJar(),
                "__INCLUDE__", s.include(),
                "__PLATFORMS__", String.join(",", s.platforms()),
                "__JAVA_VERSION__", s.javaVersion(),
                "__DEFAULT_BRANCH__", s.defaultBranch(),
                "__RUNNERS__", s.runnersJson(),
                "__FIRST_PLATFORM__", s.platforms().get(0));
        return List.of(
                new File(".github/workflows/performance.yml",
                        "the gate on pull requests and pushes to " + s.defaultBranch(),
                        fill("performance.yml", values, true)),
                new File(".github/workflows/performance-comment.yml", "posts the report on the pull request",
                        fill("performance-comment.yml", values, true)),
                new File(".github/workflows/record-baseline.yml",
                        "measures new baselines on the runners, opens a pull request (run by hand)",
                        fill("record-baseline.yml", values, true)),
                new File("baselines/README.md", "what the baselines are and how they change",
                        fill("baselines-README.md", values, false)),
                new File("history/README.md", "what the history is and how it grows",
                        fill("history-README.md", values, false)),
                new File("baselines/.gitignore", "keeps perf-gate's lock files out of git", fill("gitignore", values, false)),
                new File("history/.gitignore", "keeps perf-gate's lock files out of git", fill("gitignore", values, false)));
    }

    /**
     * What writing the files under {@code root} would change, without changing anything.
     *
     * @throws InputException when something that is not a file stands where a file is to go, or a
     *                        file where a folder is to go: no option makes init replace it
     * @throws IOException    when an existing file cannot be read
     */
    public static List<Target> plan(Path root, List<File> files) throws InputException, IOException {
        List<Target> targets = new ArrayList<>();
        for (File file : files) {
            Path path = root.resolve(file.path());
            for (Path dir = path.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
                if (Files.exists(dir) && !Files.isDirectory(dir)) {
                    throw new InputException(dir.toString(), null, "is a file, but init writes "
                            + file.path() + " inside a folder of that name; move it away first");
                }
            }
            Change change;
            if (!Files.exists(path)) {
                change = Change.NEW;
            } else if (!Files.isRegularFile(path)) {
                throw new InputException(path.toString(), null, "is not a file, but init writes " + file.path()
                        + " there; move it away first");
            } else {
                change = Arrays.equals(Files.readAllBytes(path), file.content().getBytes(StandardCharsets.UTF_8))
                        ? Change.UNCHANGED : Change.OVERWRITE;
            }
            targets.add(new Target(file, path, change));
        }
        return targets;
    }

    /** Writes every target that is not unchanged, each atomically. */
    public static void write(List<Target> targets) throws IOException {
        for (Target t : targets) {
            if (t.change() != Change.UNCHANGED) {
                SafeFiles.writeAtomically(t.path(), t.file().content());
            }
        }
    }

    /** A value as a single-quoted YAML scalar: taken literally, {@code '} doubled. */
    static String yamlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String fill(String template, Map<String, String> values, boolean yaml) {
        String text = template(template);
        if (yaml) {
            text = INPUT_LINE.matcher(text).replaceAll(line -> {
                String placeholder = line.group(1);
                boolean isDefault = REUSABLE_DEFAULTS.containsKey(placeholder)
                        && REUSABLE_DEFAULTS.get(placeholder).equals(values.get(placeholder));
                return isDefault ? "" : Matcher.quoteReplacement(line.group());
            });
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group());
            if (value == null) {
                throw new IllegalStateException("template " + template + " has an unknown placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(yaml ? yamlString(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String template(String name) {
        try (InputStream in = InitFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is missing from the perf-gate jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

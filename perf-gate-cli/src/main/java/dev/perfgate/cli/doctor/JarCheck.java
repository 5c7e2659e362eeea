package dev.perfgate.cli.doctor;

import dev.perfgate.core.platform.Vcs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check {@code benchmarks}: whether the benchmarks jar was built from the code in its git
 * working tree. It compares the jar's modification time (for a directory of classes, its newest
 * file's) with the working tree the jar lies in: a source file changed after the build fails the
 * check (the benchmarks measure older code); a commit made after the build, or uncommitted source
 * changes, draw a warning (results recorded now would be attributed to a commit that is not what
 * ran). Sources are files under a {@code src} directory but not {@code src/test}, and build files
 * ({@code pom.xml}, {@code build.gradle}...), outside {@code target}, {@code build} and hidden
 * directories. Every git call is bounded ({@link Vcs#git}).
 */
public final class JarCheck {

    /** At most this many files are looked at for the newest source, so that a huge tree stays fast. */
    static final int MAX_FILES = 100_000;

    private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts",
            "settings.gradle", "settings.gradle.kts");
    private static final Set<String> OUTPUT_DIRS = Set.of("target", "build", "out", "node_modules");

    private static final Pattern STATUS_ENTRY = Pattern.compile("^[A-Z?! ]?[A-Z?!] (.+)$");

    private final String git;
    private final Duration timeout;

    /**
     * @param git     the git executable, e.g. {@code git}
     * @param timeout how long each git call may take ({@link Vcs#GIT_TIMEOUT})
     */
    public JarCheck(String git, Duration timeout) {
        this.git = git;
        this.timeout = timeout;
    }

    /** The bundled jar as the user would name it: relative to the working directory when inside it. */
    private static String shown(Path jar) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = jar.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    /**
     * @param jar     the benchmarks jar, or the directory of classes the bundled benchmarks load from
     * @param bundled whether these are perf-gate's bundled benchmarks (named so in the report)
     */
    public Finding run(Path jar, boolean bundled) {
        String what = (bundled ? "the bundled benchmarks (" + shown(jar) + ")" : jar.toString());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", jar.toString());
        details.put("bundled", bundled);
        if (Files.isRegularFile(jar) && !bundled) {
            Optional<String> notJmh = notJmh(jar);
            if (notJmh.isPresent()) {
                return new Finding("benchmarks", Status.FAIL, what + " " + notJmh.get(),
                        "build it with JMH bundled, e.g. with the shade plugin as JMH's archetype does", details);
            }
        }
        Optional<Instant> built = Files.isDirectory(jar) ? newest(jar, p -> true).map(Newest::time) : modified(jar);
        if (built.isEmpty()) {
            return new Finding("benchmarks", Status.SKIP, what + ": its build time cannot be read", "", details);
        }
        Instant builtAt = built.get();
        details.put("built_at", builtAt.toString());
        Path dir = Files.isDirectory(jar) ? jar : jar.toAbsolutePath().getParent();
        Optional<Path> top = Vcs.git(git, dir, timeout, "rev-parse", "--show-toplevel").map(Path::of);
        if (top.isEmpty()) {
            return new Finding("benchmarks", Status.SKIP, what + " built " + time(builtAt) + "; not inside a git "
                    + "working tree (or git did not answer), so which commit it holds cannot be told", "", details);
        }
        Optional<String[]> head = Vcs.git(git, top.get(), timeout, "log", "-1", "--format=%ct %h")
                .map(s -> s.split(" ")).filter(s -> s.length == 2 && s[0].matches("\\d{1,12}"));
        List<String> uncommitted = uncommittedSources(top.get());
        Optional<Newest> newestSource = newest(top.get(), JarCheck::isSource);
        details.put("repository", top.get().toString());
        head.ifPresent(h -> details.put("head", h[1]));
        head.ifPresent(h -> details.put("head_committed_at", Instant.ofEpochSecond(Long.parseLong(h[0])).toString()));
        details.put("uncommitted_sources", uncommitted);
        newestSource.ifPresent(n -> details.put("newest_source", top.get().relativize(n.file()).toString()));

        if (newestSource.isPresent() && newestSource.get().time().isAfter(builtAt)) {
            Newest n = newestSource.get();
            return new Finding("benchmarks", Status.FAIL, what + " built " + time(builtAt) + ", before "
                    + top.get().relativize(n.file()) + " changed (" + time(n.time()) + "): the benchmarks measure "
                    + "older code", "rebuild the jar (e.g. mvn package) before running the benchmarks", details);
        }
        String commit = head.map(h -> "commit " + h[1]).orElse("HEAD");
        if (head.isPresent() && Instant.ofEpochSecond(Long.parseLong(head.get()[0])).isAfter(builtAt)) {
            return new Finding("benchmarks", Status.WARN, what + " built " + time(builtAt) + ", before " + commit
                    + " was made (" + time(Instant.ofEpochSecond(Long.parseLong(head.get()[0]))) + ")",
                    "if that commit changed code, rebuild the jar", details);
        }
        if (!uncommitted.isEmpty()) {
            return new Finding("benchmarks", Status.WARN, what + " built " + time(builtAt) + " from a working tree with "
                    + "uncommitted changes to " + uncommitted.size() + " source file" + (uncommitted.size() == 1 ? "" : "s")
                    + " (" + String.join(", ", uncommitted.subList(0, Math.min(3, uncommitted.size())))
                    + (uncommitted.size() > 3 ? ", ..." : "") + ")", "results recorded now would be attributed to "
                    + commit + ", which is not the code that ran: commit first, or pass --commit when recording", details);
        }
        return new Finding("benchmarks", Status.OK, what + " built " + time(builtAt) + ", after " + commit
                + " and after the last change to its working tree's sources", "", details);
    }

    private static Optional<String> notJmh(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("org/openjdk/jmh/Main.class") == null
                    ? Optional.of("is not a JMH benchmarks jar (it does not contain JMH)") : Optional.empty();
        } catch (IOException e) {
            return Optional.of("is not a jar file");
        }
    }

    /** Source paths with uncommitted changes, relative to the working tree's top, from {@code git status -z}. */
    private List<String> uncommittedSources(Path top) {
        List<String> out = new ArrayList<>();
        // -z separates entries with NUL: one "line" for the bounded call. A rename's entry is followed by its old path.
        String status = Vcs.git(git, top, timeout, "status", "--porcelain", "-z").orElse("");
        for (String entry : status.split("\0")) {
            // "XY path"; the bounded call strips the output, so the first entry may have lost X's blank.
            Matcher m = STATUS_ENTRY.matcher(entry);
            if (m.matches() && isSource(Path.of(m.group(1)))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static boolean isSource(Path relative) {
        if (BUILD_FILES.contains(String.valueOf(relative.getFileName()))) {
            return true;
        }
        // Under src/, but not src/test/: tests do not go into a benchmarks jar.
        for (int i = 0; i < relative.getNameCount(); i++) {
            if (relative.getName(i).toString().equals("src")) {
                return i + 1 >= relative.getNameCount() || !relative.getName(i + 1).toString().equals("test");
            }
        }
        return false;
    }

    /** A file and when it was last modified. */
    private record Newest(Path file, Instant time) {
    }

    /** The most recently modified regular file under {@code root} that {@code wanted} accepts (by relative path). */
    private static Optional<Newest> newest(Path root, java.util.function.Predicate<Path> wanted) {
        Newest[] newest = {null};
        int[] seen = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = String.valueOf(dir.getFileName());
                    return !dir.equals(root) && (name.startsWith(".") || OUTPUT_DIRS.contains(name))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && wanted.test(root.relativize(file))) {
                        Instant time = attrs.lastModifiedTime().toInstant();
                        if (newest[0] == null || time.isAfter(newest[0].time())) {
                            newest[0] = new Newest(file, time);
                        }
                    }
                    return ++seen[0] >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // What was seen so far still counts.
        }
        return Optional.ofNullable(newest[0]);
    }

    private static Optional<Instant> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

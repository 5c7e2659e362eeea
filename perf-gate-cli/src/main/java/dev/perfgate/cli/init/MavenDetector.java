package dev.perfgate.cli.init;

import dev.perfgate.core.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maven: the reactor's poms (the root's modules, recursively), the one that depends on
 * {@code jmh-core} (preferring one that shades, when several do), and the jar its
 * maven-shade-plugin writes, as the plugin names it: {@code outputFile}, else {@code finalName}
 * when it differs from the build's, else {@code <artifactId>-<version>-<classifier>.jar} when the
 * shaded jar is attached, else the main jar it replaces.
 */
final class MavenDetector {

    private static final String SHADE = "maven-shade-plugin";
    private static final String COMPILER = "maven-compiler-plugin";
    private static final int MAX_POMS = 500;

    private MavenDetector() {
    }

    static Detection detect(Path root) throws InputException {
        List<MavenPom> reactor = reactor(root);
        List<String> notes = new ArrayList<>();
        String mvn = BuildDetector.launcher(root, "mvnw", "mvn", notes);
        Finding tool = Finding.of("Maven", BuildDetector.toolNote(reactor.size() == 1 ? "pom.xml"
                : "pom.xml with " + (reactor.size() - 1) + " modules", mvn, "mvnw"));
        String wholeBuild = mvn + " -B -DskipTests package";

        List<MavenPom> jmh = reactor.stream().filter(p -> p.dependsOn("org.openjdk.jmh", "jmh-core")).toList();
        if (jmh.size() > 1 && jmh.stream().anyMatch(p -> p.hasPlugin(SHADE))) {
            jmh = jmh.stream().filter(p -> p.hasPlugin(SHADE)).toList();
        }
        if (jmh.size() != 1) {
            String why = jmh.isEmpty()
                    ? "no pom.xml of the Maven build depends on org.openjdk.jmh:jmh-core"
                    : "several modules depend on org.openjdk.jmh:jmh-core: "
                        + String.join(", ", jmh.stream().map(MavenPom::label).toList());
            return new Detection(tool, Finding.of(wholeBuild, "builds the whole reactor"), Finding.none(why),
                    javaVersion(reactor.get(0)), notes);
        }
        MavenPom benchmarks = jmh.get(0);
        String module = BuildDetector.relative(root, benchmarks.file().getParent());
        Finding command = module.isEmpty() ? Finding.of(wholeBuild, "the module with jmh-core is the root")
                : Finding.of(mvn + " -B -DskipTests -pl " + module + " -am package",
                        "builds " + module + ", the module with jmh-core, and what it needs");
        return new Detection(tool, command, shadedJar(benchmarks, module), javaVersion(benchmarks), notes);
    }

    /** The root pom and its modules, recursively, each read once. */
    private static List<MavenPom> reactor(Path root) throws InputException {
        List<MavenPom> poms = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Deque<MavenPom> queue = new ArrayDeque<>();
        Path rootPom = root.resolve("pom.xml").toAbsolutePath().normalize();
        seen.add(rootPom);
        queue.add(MavenPom.read(rootPom, "pom.xml", Map.of()));
        while (!queue.isEmpty() && poms.size() < MAX_POMS) {
            MavenPom pom = queue.poll();
            poms.add(pom);
            for (String module : pom.modules()) {
                Path path = pom.file().getParent().resolve(module).normalize();
                Path file = Files.isDirectory(path) ? path.resolve("pom.xml") : path;
                if (Files.isRegularFile(file) && seen.add(file)) {
                    queue.add(MavenPom.read(file, BuildDetector.relative(root, file), pom.properties()));
                }
            }
        }
        return poms;
    }

    private static Finding shadedJar(MavenPom pom, String module) {
        if (!pom.hasPlugin(SHADE)) {
            return Finding.none(pom.label() + " depends on jmh-core but builds no shaded jar (maven-shade-plugin "
                    + "in <build><plugins>): perf-gate runs the benchmarks from one jar that holds them and JMH");
        }
        String path;
        String how;
        Optional<String> finalName = pom.pluginSetting(SHADE, "finalName");
        Optional<String> outputFile = pom.pluginSetting(SHADE, "outputFile");
        String buildFinalName = pom.buildFinalName();
        if (outputFile.isPresent()) {
            path = outputFile.get();
            how = "maven-shade-plugin outputFile in " + pom.label();
        } else if (finalName.isPresent() && !finalName.get().equals(buildFinalName)) {
            path = "target/" + finalName.get() + ".jar";
            how = "maven-shade-plugin finalName in " + pom.label();
        } else if (pom.pluginSetting(SHADE, "shadedArtifactAttached").filter("true"::equals).isPresent()) {
            path = "target/" + pom.pluginSetting(SHADE, "shadedArtifactId").orElse("${project.artifactId}")
                    + "-${project.version}-" + pom.pluginSetting(SHADE, "shadedClassifierName").orElse("shaded") + ".jar";
            path = pom.resolve(path);
            how = "the shaded jar maven-shade-plugin attaches in " + pom.label();
        } else {
            path = "target/" + buildFinalName + ".jar";
            how = "the main jar, which maven-shade-plugin replaces, in " + pom.label();
        }
        if (MavenPom.unresolved(path)) {
            return Finding.none("cannot tell where " + how + " is written: " + path + " refers to a property "
                    + "that is not set in the repository's poms");
        }
        String relative = Path.of(module.isEmpty() ? "." : module).resolve(path).normalize().toString().replace('\\', '/');
        if (Path.of(path).isAbsolute() || relative.startsWith("..")) {
            return Finding.none(how + " is written outside the repository: " + path);
        }
        return Finding.of(relative, how);
    }

    private static Finding javaVersion(MavenPom pom) {
        for (String setting : List.of("release", "target", "source")) {
            Optional<String> property = pom.property("maven.compiler." + setting);
            if (property.isPresent()) {
                return BuildDetector.javaVersion(property, "maven.compiler." + setting + " in " + pom.label());
            }
            Optional<String> plugin = pom.pluginSetting(COMPILER, setting);
            if (plugin.isPresent()) {
                return BuildDetector.javaVersion(plugin, COMPILER + " " + setting + " in " + pom.label());
            }
        }
        return BuildDetector.javaVersion(Optional.empty(), pom.label());
    }
}

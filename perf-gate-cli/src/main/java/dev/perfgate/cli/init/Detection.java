package dev.perfgate.cli.init;

import java.util.List;
import java.util.Objects;

/**
 * How a repository builds its JMH benchmarks, as far as {@link BuildDetector} could tell.
 *
 * @param tool          the build tool, e.g. {@code "Maven (pom.xml, wrapper mvnw)"}; what was looked
 *                      for when there is none
 * @param buildCommand  the command that builds the benchmarks jar, run at the repository root
 * @param benchmarksJar the built jar's path relative to the repository root ('/'-separated; a glob
 *                      such as {@code build/libs/*-jmh.jar} where the name is not fixed)
 * @param javaVersion   the JDK feature version to build and run with (17 or more: perf-gate's own)
 * @param notes         warnings worth a line of their own, e.g. a wrapper script that is not executable
 */
public record Detection(Finding tool, Finding buildCommand, Finding benchmarksJar, Finding javaVersion,
                        List<String> notes) {

    public Detection {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(buildCommand, "buildCommand");
        Objects.requireNonNull(benchmarksJar, "benchmarksJar");
        Objects.requireNonNull(javaVersion, "javaVersion");
        notes = List.copyOf(notes);
    }
}

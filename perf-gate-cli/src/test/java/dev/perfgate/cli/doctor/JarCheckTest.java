package dev.perfgate.cli.doctor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The jar's age against its working tree, with a fake git that answers as a repository at {@code repo} would. */
class JarCheckTest {

    private static final Instant BUILT = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path dir;
    Path repo;
    Path jar;

    @BeforeEach
    void layOut() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "a POSIX shell script runs");
        repo = Files.createDirectories(dir.resolve("repo"));
        Path source = Files.createDirectories(repo.resolve("src/main/java")).resolve("Bench.java");
        Files.writeString(source, "class Bench {}");
        Files.setLastModifiedTime(source, FileTime.from(BUILT.minusSeconds(3600)));
        Files.writeString(repo.resolve("README.md"), "docs");
        jar = Files.createDirectories(repo.resolve("target")).resolve("benchmarks.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("org/openjdk/jmh/Main.class"));
            zip.closeEntry();
        }
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    /** A git that says the repository's top, a HEAD committed at {@code committed}, and {@code status}. */
    private JarCheck gitSaying(Instant committed, String status) throws IOException {
        Path git = dir.resolve("git");
        Files.writeString(git, "#!/bin/sh\nshift 2\ncase \"$1\" in\n"
                + "  rev-parse) echo '" + repo + "' ;;\n"
                + "  log) echo '" + committed.getEpochSecond() + " abc1234' ;;\n"
                + "  status) printf '" + status + "' ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwx------"));
        return new JarCheck(git.toString(), Duration.ofSeconds(5));
    }

    @Test
    void aJarBuiltAfterItsCommitAndSourcesPasses() throws IOException {
        Finding f = gitSaying(BUILT.minusSeconds(600), "").run(jar, false);

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo(jar + " built 2025-06-01T12:00:00Z, after commit abc1234 and after the "
                + "last change to its working tree's sources");
    }

    @Test
    void aSourceChangedAfterTheBuildFailsNamingIt() throws IOException {
        Files.setLastModifiedTime(repo.resolve("src/main/java/Bench.java"), FileTime.from(BUILT.plusSeconds(60)));

        Finding f = gitSaying(BUILT.minusSeconds(600), " M src/main/java/Bench.java\\0").run(jar, false);

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("before src/main/java/Bench.java changed (2025-06-01T12:01:00Z)");
        assertThat(f.advice()).contains("rebuild");
    }

    @Test
    void aChangedDocumentIsNotASource() throws IOException {
        Files.setLastModifiedTime(repo.resolve("README.md"), FileTime.from(BUILT.plusSeconds(60)));

        assertThat(gitSaying(BUILT.minusSeconds(600), " M README.md\\0").run(jar, false).status()).isEqualTo(Status.OK);
    }

    @Test
    void aChangedTestIsNotASource() throws IOException {
        Path test = Files.createDirectories(repo.resolve("src/test/java")).resolve("BenchTest.java");
        Files.writeString(test, "class BenchTest {}");
        Files.setLastModifiedTime(test, FileTime.from(BUILT.plusSeconds(60)));

        assertThat(gitSaying(BUILT.minusSeconds(600), "").run(jar, false).status()).isEqualTo(Status.OK);
    }

    @Test
    void aCommitAfterTheBuildWarns() throws IOException {
        Finding f = gitSaying(BUILT.plusSeconds(60), "").run(jar, false);

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("before commit abc1234 was made (2025-06-01T12:01:00Z)");
    }

    @Test
    void uncommittedSourcesInTheBuildWarn() throws IOException {
        Finding f = gitSaying(BUILT.minusSeconds(600), " M src/main/java/Bench.java\\0?? src/main/java/New.java\\0")
                .run(jar, false);

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("uncommitted changes to 2 source files (src/main/java/Bench.java, "
                + "src/main/java/New.java)");
        assertThat(f.advice()).contains("attributed to commit abc1234");
    }

    @Test
    void outsideAWorkingTreeItCannotTell() throws IOException {
        Path git = dir.resolve("no-git");
        Files.writeString(git, "#!/bin/sh\nexit 128\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwx------"));

        Finding f = new JarCheck(git.toString(), Duration.ofSeconds(5)).run(jar, false);

        assertThat(f.status()).isEqualTo(Status.SKIP);
        assertThat(f.message()).contains("not inside a git working tree");
    }

    @Test
    void aJarWithoutJmhFails() throws IOException {
        Path plain = dir.resolve("plain.jar");
        try (OutputStream out = Files.newOutputStream(plain); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("x/Y.class"));
            zip.closeEntry();
        }

        assertThat(gitSaying(BUILT, "").run(plain, false).message()).endsWith("is not a JMH benchmarks jar (it does "
                + "not contain JMH)");
    }
}

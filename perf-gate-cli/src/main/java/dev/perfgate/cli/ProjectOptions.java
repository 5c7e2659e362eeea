package dev.perfgate.cli;

import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.platform.PlatformDetector;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command shares: where the project's baselines and history live, and the platform. */
final class ProjectOptions {

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Directory holding baselines/ and history/ (default: the current directory).")
    Path projectDir;

    @Option(names = "--platform", paramLabel = "KEY",
            description = "Platform key <os>-<arch>, e.g. linux-x86_64 (default: detected).")
    String platform;

    /** The platform key: given or detected. */
    PlatformKey platformKey(PlatformDetector detector) throws UsageException {
        try {
            return platform == null ? detector.platformKey() : PlatformKey.parse(platform);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--platform: " + e.getMessage());
        }
    }
}

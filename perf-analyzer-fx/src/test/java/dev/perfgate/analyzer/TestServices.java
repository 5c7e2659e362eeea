package dev.perfgate.analyzer;

import dev.perfgate.analyzer.project.RecentProjects;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.analyzer.ui.DialogService;
import dev.perfgate.core.platform.PlatformDetector;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Services for tests: a private preferences node (removed by {@link #close}), a fixed clock, a Linux x86_64 machine. */
public final class TestServices implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-11-27T09:30:00Z");

    private final Preferences node = Preferences.userRoot().node("dev-perfgate-analyzer-test/" + UUID.randomUUID());
    public final AnalyzerServices services;

    public TestServices(DialogService dialogs, BackgroundRunner runner) {
        Properties system = new Properties();
        system.setProperty("os.name", "Linux");
        system.setProperty("os.arch", "amd64");
        system.setProperty("os.version", "6.1");
        system.setProperty("java.vendor", "Debian");
        system.setProperty("java.version", "17.0.15");
        PlatformDetector detector = new PlatformDetector(system, Map.of(), Path.of("/nonexistent/cpuinfo"), 2);
        services = new AnalyzerServices(dialogs, runner, new RecentProjects(node), Clock.fixed(NOW, ZoneOffset.UTC),
                detector, java.util.Optional.empty());
    }

    @Override
    public void close() throws BackingStoreException {
        node.removeNode();
    }
}

package dev.perfgate.cli;

import picocli.CommandLine;

/** The version shown by {@code --version}: the jar's implementation version when packaged. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = PerfGate.class.getPackage().getImplementationVersion();
        return new String[] {"perf-gate " + (version == null ? "(development build)" : version)};
    }
}

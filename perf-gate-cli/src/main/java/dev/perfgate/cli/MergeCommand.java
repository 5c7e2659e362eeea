package dev.perfgate.cli;

import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.InputException;
import dev.perfgate.core.jmh.JmhJsonMerger;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.platform.PlatformDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;

/** {@code perf-gate merge}: combines the JMH JSON files of shards into one. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines JMH JSON result files (the shards of run --shard I/N) into one JMH JSON file: "
                + "every result kept whole, with every field and value JMH wrote, in input order. Refuses a "
                + "benchmark that is in two inputs; an input holding [] (an empty shard) adds nothing. The shards' "
                + "host files (IN.host.json) are merged into OUT.host.json, so the merged results keep the "
                + "hosts that measured them; host files among the inputs (a glob matches them) are skipped.")
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to write the merged JMH JSON (written atomically; nothing is written on error).")
    Path out;

    private static final String HOST_FILE_SUFFIX = ".host.json";

    /** Parses --platform. */
    static final class PlatformConverter implements picocli.CommandLine.ITypeConverter<PlatformKey> {
        @Override
        public PlatformKey convert(String value) {
            try {
                return PlatformKey.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--platform", paramLabel = "KEY", converter = PlatformConverter.class,
            description = "The platform key the shards' host classes belong to (default: detected).")
    PlatformKey platform;

    @Parameters(paramLabel = "IN.json", arity = "1..*", description = "The JMH JSON files to merge.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        // A glob such as results-*.json also matches the shards' host files; they are merged below.
        inputs = inputs.stream().filter(p -> !p.getFileName().toString().endsWith(HOST_FILE_SUFFIX)).toList();
        if (inputs.isEmpty()) {
            throw new UsageException("no JMH results among the inputs, only host files (*" + HOST_FILE_SUFFIX + ")");
        }
        List<Path> partial = inputs.stream().filter(PartialResults::isPartial).toList();
        if (!partial.isEmpty() && !PartialResults.isPartial(out)) {
            // The name is what marks a partial result; a merge of one stays partial.
            Path asked = out;
            out = PartialResults.pathFor(out);
            spec.commandLine().getErr().println("perf-gate: " + String.join(", ", partial.stream()
                    .map(Path::toString).toList()) + (partial.size() == 1 ? " is a partial result" : " are partial "
                    + "results") + " (a stopped or failed run): writing " + out + ", not " + asked
                    + ", so that check reports the benchmarks that did not run");
        }
        JmhJsonMerger.Merged merged = new JmhJsonMerger().merge(inputs);
        List<HostFile.Entry> hosts = hosts(merged.emptyInputs());
        SafeFiles.writeAtomically(out, merged.json());
        Files.deleteIfExists(HostFile.pathFor(out));
        if (!hosts.isEmpty()) {
            HostFile.write(out, hosts);
        }
        merged.emptyInputs().forEach(p -> spec.commandLine().getErr()
                .println("perf-gate: " + p + " holds no results (an empty shard)"));
        int count = merged.results().size();
        spec.commandLine().getOut().println("perf-gate: merged " + count + " benchmark" + (count == 1 ? "" : "s")
                + " from " + inputs.size() + " file" + (inputs.size() == 1 ? "" : "s") + " into " + out);
        return ExitCodes.OK;
    }

    /**
     * The hosts of the shards that hold results, from their host files, so that the merged results
     * keep where each part was measured; empty (with a warning) when a shard has none. Shards of
     * different host classes are merged, with a warning: check then gives advisory verdicts.
     */
    private List<HostFile.Entry> hosts(List<Path> emptyInputs) throws InputException {
        PrintWriter err = spec.commandLine().getErr();
        List<HostFile.Entry> hosts = new ArrayList<>();
        PlatformKey key = platform != null ? platform : PlatformDetector.ofThisMachine().platformKey();
        for (Path in : inputs) {
            if (emptyInputs.contains(in)) {
                continue;
            }
            Optional<List<HostFile.Entry>> entries = HostFile.read(in, key);
            if (entries.isEmpty()) {
                err.println("perf-gate: warning: " + in + " has no host file (" + HostFile.pathFor(in) + "): the merged "
                        + "results get none, and check will take them as measured on the machine that checks");
                return List.of();
            }
            hosts.addAll(entries.get());
        }
        long classes = hosts.stream().map(h -> h.host().hostClass()).distinct().count();
        if (classes > 1) {
            err.println("perf-gate: warning: the shards ran on " + classes + " different host classes ("
                    + hosts.stream().map(h -> h.results() + ": " + h.host().hostClass().label())
                    .collect(Collectors.joining("; ")) + "); check gives advisory verdicts for such results");
        }
        return hosts;
    }
}

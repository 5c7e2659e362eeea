package dev.perfgate.cli;

import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.jmh.JmhJsonMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code perf-gate merge}: combines the JMH JSON files of shards into one. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines JMH JSON result files (the shards of run --shard I/N) into one JMH JSON file: "
                + "every result kept whole, with every field and value JMH wrote, in input order. Refuses a "
                + "benchmark that is in two inputs; an input holding [] (an empty shard) adds nothing.")
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to write the merged JMH JSON (written atomically; nothing is written on error).")
    Path out;

    @Parameters(paramLabel = "IN.json", arity = "1..*", description = "The JMH JSON files to merge.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        JmhJsonMerger.Merged merged = new JmhJsonMerger().merge(inputs);
        SafeFiles.writeAtomically(out, merged.json());
        merged.emptyInputs().forEach(p -> spec.commandLine().getErr()
                .println("perf-gate: " + p + " holds no results (an empty shard)"));
        int count = merged.results().size();
        spec.commandLine().getOut().println("perf-gate: merged " + count + " benchmark" + (count == 1 ? "" : "s")
                + " from " + inputs.size() + " file" + (inputs.size() == 1 ? "" : "s") + " into " + out);
        return ExitCodes.OK;
    }
}

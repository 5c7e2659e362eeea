package dev.perfgate.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's {@code --help} renders cleanly: picocli reports a description it cannot format
 * (an unescaped {@code %}) as a warning on standard error and prints the raw text.
 */
class HelpTest {

    @Command(name = "broken", description = "Detects a 5% power change.")
    static final class Broken {
    }

    @Test
    void everyCommandsUsageHelpRendersWithoutPicocliWarnings() {
        List<CommandLine> all = new ArrayList<>();
        collect(PerfGate.commandLine(), all);
        assertThat(all).extracting(c -> c.getCommandSpec().qualifiedName())
                .contains("perf-gate", "perf-gate run", "perf-gate calibrate", "perf-gate history verify");
        for (CommandLine command : all) {
            String[] usage = new String[1];
            String warnings = stderrOf(() -> usage[0] = command.getUsageMessage());
            String name = command.getCommandSpec().qualifiedName();
            assertThat(warnings).as("picocli's warnings for " + name).isEmpty();
            assertThat(usage[0]).as(name).doesNotContain("%n").doesNotContain("%%").contains("Usage: " + name);
        }
    }

    @Test
    void theCheckSeesAnUnescapedPercent() {
        assertThat(stderrOf(() -> new CommandLine(new Broken()).getUsageMessage())).contains("Could not format");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}

package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.history.ChangePoints;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.history.Trends;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Units;
import dev.perfgate.core.platform.Vcs;
import dev.perfgate.core.report.CommitLinks;
import dev.perfgate.core.report.HistoryReport;
import dev.perfgate.core.stats.GatePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code perf-gate history}: trends and change points. */
@Command(name = "history", mixinStandardHelpOptions = true, subcommands = {HistoryVerifyCommand.class, HistoryCompactCommand.class},
        description = "Trends and change points of every benchmark from history/<platform>.jsonl, as text, "
                + "markdown, json or html.")
final class HistoryCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text | markdown | json | html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path out;

    @Option(names = "--benchmark", paramLabel = "REGEX", description = "Only benchmarks whose name matches.")
    String benchmark;

    @Option(names = "--last", paramLabel = "N", defaultValue = "0",
            description = "Only the most recent N runs of each benchmark (default: all).")
    int last;

    @Option(names = "--repository-url", paramLabel = "URL",
            description = "With --format html: link each run to its commit at URL/commit/SHA (GitLab: /-/commit/, "
                    + "bitbucket.org: /commits/), or at a template with {commit} in it; 'none' for no links "
                    + "(default: from GITHUB_SERVER_URL and GITHUB_REPOSITORY, CI_PROJECT_URL, or the "
                    + "project directory's git remote origin on github.com, gitlab.com or bitbucket.org).")
    String repositoryUrl;

    /** The environment variables the repository's address is read from; tests set their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        HistoryReport.Format chosen;
        try {
            chosen = HistoryReport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format must be text, markdown, json or html but was '" + format + "'");
        }
        if (last < 0) {
            throw new UsageException("--last must be >= 0 but was " + last);
        }
        Pattern filter;
        try {
            filter = benchmark == null ? null : Pattern.compile(benchmark);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--benchmark: invalid regular expression '" + benchmark + "': "
                    + e.getDescription());
        }
        PlatformKey platform = platform();
        HistoryStore store = new HistoryStore(project.projectDir, clock);
        Trends.Result read = new Trends(store, ChangePoints.defaults()).read(store.path(platform),
                id -> filter == null || filter.matcher(id.display()).find(), last);
        List<Trend> trends = read.trends();
        if (read.tornLastLine()) {
            err().println("perf-gate: warning: the last line of " + store.path(platform) + " is torn (an interrupted "
                    + "write) and was skipped; the next record or approve moves it aside");
        }
        if (trends.isEmpty()) {
            err().println("perf-gate: no runs in " + store.path(platform)
                    + (benchmark == null ? "" : " match '" + benchmark + "'")
                    + "; record runs with: java -jar perf-gate.jar record --results FILE");
        }
        CommitLinks links = chosen == HistoryReport.Format.HTML ? commitLinks() : CommitLinks.NONE;
        String text = HistoryReport.render(trends, platform.toString(), chosen, references(platform), links);
        if (out != null) {
            SafeFiles.writeAtomically(out, text);
            err().println("perf-gate: wrote " + out);
        } else {
            out().print(text);
        }
        return ExitCodes.OK;
    }

    /** The links of the page's commits: as {@code --repository-url} says, else detected. */
    private CommitLinks commitLinks() throws UsageException {
        if (repositoryUrl == null) {
            CommitLinks detected = detectLinks(project.projectDir, environment);
            if (detected.enabled()) {
                err().println("perf-gate: the page links commits to " + detected.repository()
                        + " (--repository-url none for no links)");
            }
            return detected;
        }
        if (repositoryUrl.isBlank() || repositoryUrl.strip().equalsIgnoreCase("none")) {
            return CommitLinks.NONE;
        }
        return CommitLinks.given(repositoryUrl).orElseThrow(() -> new UsageException("--repository-url must be "
                + "an http(s) address like https://github.com/owner/name, a template with {commit} in its path, "
                + "or 'none', but was '" + repositoryUrl + "'"));
    }

    /**
     * Where commits are seen, from a CI job's environment ({@link CommitLinks#fromEnvironment}), else
     * from the git remote {@code origin} of {@code projectDir} ({@link CommitLinks#fromRemote}); no
     * links when neither tells.
     */
    static CommitLinks detectLinks(Path projectDir, Map<String, String> env) {
        return CommitLinks.fromEnvironment(env)
                .or(() -> Vcs.originUrl(projectDir).flatMap(CommitLinks::fromRemote))
                .orElse(CommitLinks.NONE);
    }

    /**
     * Each trend's baseline in the trend's unit, with its threshold: from the entry set of the trend's
     * host class, or, for a trend without a class, the most recent set; none without a baseline file.
     */
    private Function<Trend, HistoryReport.Reference> references(PlatformKey platform) throws InputException {
        Optional<BaselineFile> file = new BaselineStore(project.projectDir).read(platform);
        if (file.isEmpty()) {
            return t -> null;
        }
        return t -> {
            Optional<Baseline> set = t.hostClass() == null ? file.get().latest()
                    : file.get().sets().stream().filter(s -> s.host() != null
                    && s.host().hostClass().equals(t.hostClass())).findFirst();
            return set.flatMap(b -> b.find(t.id())).flatMap(entry -> Units.convert(entry.primary(), t.unit())
                    .map(m -> new HistoryReport.Reference(m.score(), entry.thresholdPct() != null
                            ? entry.thresholdPct() : GatePolicy.DEFAULT.thresholdPct()))).orElse(null);
        };
    }
}

package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static checks of GitHub workflows and composite actions in the spirit of actionlint (which is a Go
 * program, not on Maven Central, so the build cannot fetch it): what GitHub itself would only report
 * when a run starts, or not at all (a misspelt output reads as an empty string).
 *
 * <ul>
 *   <li>every {@code needs} names a job of the workflow;</li>
 *   <li>every {@code ${{ inputs.x }}} is a declared input, every {@code secrets.x} of a reusable
 *       workflow a declared secret;</li>
 *   <li>every {@code needs.j.*} names a job the current job needs, and {@code needs.j.outputs.o} an
 *       output job {@code j} declares; {@code jobs.j.outputs.o} likewise in a reusable workflow's
 *       outputs; {@code steps.s.*} an id of a step of the same job, {@code matrix.x} a key of the
 *       job's matrix;</li>
 *   <li>a call of a reusable workflow of this repository (local {@code ./.github/workflows/x.yml} or
 *       {@code perfgate/perfgate/.github/workflows/x.yml@ref}) points to an existing file, passes only
 *       its declared inputs and secrets, and every required input; a local action exists and gets
 *       only its declared inputs and every required one;</li>
 *   <li>expressions only where GitHub evaluates them, with only the contexts available there (GitHub's
 *       table of context availability): none in {@code uses}, no {@code matrix} in a job's
 *       {@code if}, no {@code secrets} in an {@code if}, ...</li>
 * </ul>
 * Problems are reported as {@code file: path: message}, the path in the YAML tree.
 */
final class WorkflowLint {

    /** This repository's name on GitHub, as callers outside it name its reusable workflows. */
    static final String REPOSITORY = "perfgate/perfgate";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.-])(github|env|vars|job|jobs|steps|runner|secrets|strategy|matrix|needs|inputs)(?![\\w-])"
                    + "((?:\\.[A-Za-z_*][A-Za-z0-9_-]*)*)");
    private static final Pattern REMOTE_WORKFLOW = Pattern.compile(
            Pattern.quote(REPOSITORY) + "/(\\.github/workflows/[\\w.-]+\\.ya?ml)@[\\w./-]+");

    private static final Set<String> STEP = Set.of("github", "needs", "strategy", "matrix", "job", "runner",
            "env", "vars", "secrets", "steps", "inputs");
    private static final Set<String> STEP_IF = Set.of("github", "needs", "strategy", "matrix", "job", "runner",
            "env", "vars", "steps", "inputs");
    private static final Set<String> JOB_PLAIN = Set.of("github", "needs", "strategy", "matrix", "vars", "inputs");
    private static final Set<String> NOTHING = Set.of();

    private final Path root;
    private final List<String> problems = new ArrayList<>();
    private String file;

    /** @param root the repository root, against which local {@code uses:} paths resolve */
    WorkflowLint(Path root) {
        this.root = root;
    }

    /** The problems of a workflow file; empty when it passes. */
    List<String> checkWorkflow(Path path) throws IOException {
        return checkWorkflow(path.toString(), YAML.readTree(path.toFile()));
    }

    /** The problems of a composite action's action.yml; empty when it passes. */
    List<String> checkAction(Path path) throws IOException {
        problems.clear();
        file = path.toString();
        JsonNode action = YAML.readTree(path.toFile());
        Set<String> inputs = keys(action.path("inputs"));
        Set<String> stepIds = new HashSet<>();
        for (JsonNode step : action.path("runs").path("steps")) {
            stepIds.add(step.path("id").asText());
        }
        Scope scope = new Scope(inputs, Set.of(), Map.of(), null, stepIds, null, false);
        JsonNode steps = action.path("runs").path("steps");
        for (int i = 0; i < steps.size(); i++) {
            checkStep(steps.get(i), "runs.steps[" + i + "]", scope);
        }
        for (Map.Entry<String, JsonNode> output : fields(action.path("outputs"))) {
            expressions(output.getValue().path("value"), "outputs." + output.getKey() + ".value",
                    Set.of("github", "steps", "inputs"), scope);
        }
        return List.copyOf(problems);
    }

    List<String> checkWorkflow(String name, JsonNode workflow) {
        problems.clear();
        file = name;
        JsonNode on = workflow.path("on");
        JsonNode call = on.path("workflow_call");
        Set<String> inputs = new LinkedHashSet<>(keys(call.path("inputs")));
        inputs.addAll(keys(on.path("workflow_dispatch").path("inputs")));
        Set<String> secrets = call.isMissingNode() ? null : keys(call.path("secrets"));
        JsonNode jobs = workflow.path("jobs");
        if (!jobs.isObject() || jobs.isEmpty()) {
            report("jobs", "no jobs");
            return List.copyOf(problems);
        }
        Map<String, JsonNode> jobOutputs = new java.util.HashMap<>();
        for (Map.Entry<String, JsonNode> job : fields(jobs)) {
            jobOutputs.put(job.getKey(), job.getValue().path("outputs"));
        }
        Scope top = new Scope(inputs, Set.of(), jobOutputs, secrets, Set.of(), null, false);
        expressions(workflow.path("run-name"), "run-name", Set.of("github", "inputs", "vars"), top);
        expressions(workflow.path("concurrency"), "concurrency", Set.of("github", "inputs", "vars"), top);
        expressions(workflow.path("env"), "env", Set.of("github", "secrets", "inputs", "vars"), top);
        for (Map.Entry<String, JsonNode> input : fields(call.path("inputs"))) {
            expressions(input.getValue().path("default"), "on.workflow_call.inputs." + input.getKey() + ".default",
                    Set.of("github", "inputs", "vars"), top);
        }
        for (Map.Entry<String, JsonNode> output : fields(call.path("outputs"))) {
            expressions(output.getValue().path("value"), "on.workflow_call.outputs." + output.getKey() + ".value",
                    Set.of("github", "jobs", "vars", "inputs"), new Scope(inputs, Set.of(), jobOutputs, secrets,
                            Set.of(), null, true));
        }
        for (Map.Entry<String, JsonNode> job : fields(jobs)) {
            checkJob(job.getKey(), job.getValue(), jobs, top);
        }
        return List.copyOf(problems);
    }

    private void checkJob(String id, JsonNode job, JsonNode jobs, Scope top) {
        String at = "jobs." + id;
        Set<String> needs = new LinkedHashSet<>();
        JsonNode needsNode = job.path("needs");
        for (JsonNode need : needsNode.isArray() ? needsNode : List.of(needsNode)) {
            if (need.isMissingNode()) {
                continue;
            }
            needs.add(need.asText());
            if (!jobs.has(need.asText()) || need.asText().equals(id)) {
                report(at + ".needs", "needs '" + need.asText() + "', which is not another job of this workflow");
            }
        }
        Set<String> stepIds = new HashSet<>();
        for (JsonNode step : job.path("steps")) {
            if (step.has("id")) {
                stepIds.add(step.path("id").asText());
            }
        }
        Scope scope = new Scope(top.inputs, needs, top.jobOutputs, top.secrets, stepIds,
                job.path("strategy").path("matrix"), false);
        Set<String> jobIf = Set.of("github", "needs", "vars", "inputs");
        expressionOrBare(job.path("if"), at + ".if", jobIf, scope);
        expressions(job.path("name"), at + ".name", JOB_PLAIN, scope);
        expressions(job.path("runs-on"), at + ".runs-on", JOB_PLAIN, scope);
        expressions(job.path("timeout-minutes"), at + ".timeout-minutes", JOB_PLAIN, scope);
        expressions(job.path("continue-on-error"), at + ".continue-on-error", JOB_PLAIN, scope);
        expressions(job.path("environment"), at + ".environment", JOB_PLAIN, scope);
        expressions(job.path("concurrency"), at + ".concurrency", JOB_PLAIN, scope);
        expressions(job.path("strategy"), at + ".strategy", jobIf, scope);
        expressions(job.path("env"), at + ".env", Set.of("github", "needs", "strategy", "matrix", "vars", "secrets",
                "inputs"), scope);
        expressions(job.path("outputs"), at + ".outputs", STEP, scope);
        expressions(job.path("defaults"), at + ".defaults", Set.of("github", "needs", "strategy", "matrix", "env",
                "vars", "inputs"), scope);
        expressions(job.path("with"), at + ".with", JOB_PLAIN, scope);
        expressions(job.path("secrets"), at + ".secrets", Set.of("github", "needs", "strategy", "matrix", "secrets",
                "inputs", "vars"), scope);
        if (job.has("uses")) {
            checkCall(at, job);
        }
        JsonNode steps = job.path("steps");
        for (int i = 0; i < steps.size(); i++) {
            checkStep(steps.get(i), at + ".steps[" + i + "]", scope);
        }
    }

    private void checkStep(JsonNode step, String at, Scope scope) {
        String uses = step.path("uses").asText("");
        if (uses.contains("${{")) {
            report(at + ".uses", "an expression in uses: GitHub reads uses before it evaluates anything");
        }
        expressionOrBare(step.path("if"), at + ".if", STEP_IF, scope);
        for (String key : List.of("name", "env", "with", "working-directory", "timeout-minutes", "continue-on-error",
                "run", "shell", "id")) {
            expressions(step.path(key), at + "." + key, key.equals("id") || key.equals("shell") ? NOTHING : STEP, scope);
        }
        if (uses.startsWith("./")) {
            Path dir = localPath(uses);
            Path action = Files.isRegularFile(dir.resolve("action.yml")) ? dir.resolve("action.yml")
                    : dir.resolve("action.yaml");
            if (!Files.isRegularFile(action)) {
                report(at + ".uses", "no action at " + uses);
                return;
            }
            try {
                checkArguments(at + ".with", step.path("with"), YAML.readTree(action.toFile()).path("inputs"),
                        "action " + uses);
            } catch (IOException e) {
                report(at + ".uses", "cannot read " + action + ": " + e.getMessage());
            }
        }
    }

    /** A job that calls a reusable workflow of this repository: the file exists, and the inputs fit. */
    private void checkCall(String at, JsonNode job) {
        String uses = job.path("uses").asText();
        Matcher remote = REMOTE_WORKFLOW.matcher(uses);
        Path target;
        if (uses.startsWith("./")) {
            target = localPath(uses);
        } else if (remote.matches()) {
            target = root.resolve(remote.group(1));
        } else {
            return;
        }
        if (!Files.isRegularFile(target)) {
            report(at + ".uses", "no reusable workflow at " + uses);
            return;
        }
        for (String key : List.of("steps", "runs-on")) {
            if (job.has(key)) {
                report(at + "." + key, "a job that calls a reusable workflow cannot have " + key);
            }
        }
        try {
            JsonNode call = YAML.readTree(target.toFile()).path("on").path("workflow_call");
            if (call.isMissingNode()) {
                report(at + ".uses", uses + " is not a reusable workflow (no on.workflow_call)");
                return;
            }
            checkArguments(at + ".with", job.path("with"), call.path("inputs"), uses);
            if (!job.path("secrets").asText("").equals("inherit")) {
                Set<String> declared = keys(call.path("secrets"));
                for (String secret : keys(job.path("secrets"))) {
                    if (!declared.contains(secret)) {
                        report(at + ".secrets." + secret, uses + " declares no secret '" + secret + "'");
                    }
                }
                for (Map.Entry<String, JsonNode> secret : fields(call.path("secrets"))) {
                    if (secret.getValue().path("required").asBoolean(false) && !job.path("secrets").has(secret.getKey())) {
                        report(at + ".secrets", uses + " requires the secret '" + secret.getKey() + "'");
                    }
                }
            }
        } catch (IOException e) {
            report(at + ".uses", "cannot read " + target + ": " + e.getMessage());
        }
    }

    /** Arguments (with:) against declared inputs: none unknown, every required one without a default given. */
    private void checkArguments(String at, JsonNode with, JsonNode declared, String target) {
        for (Map.Entry<String, JsonNode> argument : fields(with)) {
            JsonNode input = declared.path(argument.getKey());
            if (input.isMissingNode()) {
                report(at + "." + argument.getKey(), target + " has no input '" + argument.getKey() + "'");
                continue;
            }
            String type = input.path("type").asText("string");
            JsonNode value = argument.getValue();
            boolean expression = value.isTextual() && value.asText().strip().startsWith("${{");
            if (!expression && type.equals("number") && !value.isNumber()) {
                report(at + "." + argument.getKey(), "input '" + argument.getKey() + "' of " + target
                        + " is a number, was '" + value.asText() + "'");
            }
            if (!expression && type.equals("boolean") && !value.isBoolean()) {
                report(at + "." + argument.getKey(), "input '" + argument.getKey() + "' of " + target
                        + " is a boolean, was '" + value.asText() + "'");
            }
        }
        for (Map.Entry<String, JsonNode> input : fields(declared)) {
            if (input.getValue().path("required").asBoolean(false) && !input.getValue().has("default")
                    && !with.has(input.getKey())) {
                report(at, target + " requires the input '" + input.getKey() + "'");
            }
        }
    }

    private Path localPath(String uses) {
        String relative = uses.substring(2);
        // The reusable workflows load their own actions from their checkout at .perf-gate/tool.
        if (relative.startsWith(".perf-gate/tool/")) {
            relative = relative.substring(".perf-gate/tool/".length());
        }
        return root.resolve(relative).normalize();
    }

    /** An if: is an expression with or without ${{ }}. */
    private void expressionOrBare(JsonNode node, String at, Set<String> allowed, Scope scope) {
        if (node.isTextual() && !node.asText().contains("${{")) {
            references(node.asText(), at, allowed, scope);
        } else {
            expressions(node, at, allowed, scope);
        }
    }

    /** Every ${{ }} under node, against the contexts allowed there. */
    private void expressions(JsonNode node, String at, Set<String> allowed, Scope scope) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : fields(node)) {
                if (field.getKey().contains("${{")) {
                    report(at, "an expression in a key: '" + field.getKey() + "'");
                }
                expressions(field.getValue(), at + "." + field.getKey(), allowed, scope);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                expressions(node.get(i), at + "[" + i + "]", allowed, scope);
            }
        } else if (node.isTextual()) {
            String text = node.asText();
            Matcher m = EXPRESSION.matcher(text);
            int end = 0;
            while (m.find()) {
                references(m.group(1), at, allowed, scope);
                end = m.end();
            }
            if (text.indexOf("${{", end) >= 0) {
                report(at, "an expression without its closing }}");
            }
        }
    }

    private void references(String expression, String at, Set<String> allowed, Scope scope) {
        Matcher m = REFERENCE.matcher(STRING_LITERAL.matcher(expression).replaceAll("''"));
        while (m.find()) {
            String context = m.group(1);
            List<String> path = m.group(2).isEmpty() ? List.of() : List.of(m.group(2).substring(1).split("\\."));
            if (!allowed.contains(context) && !(scope.workflowOutputs && context.equals("jobs"))) {
                report(at, "the " + context + " context is not available here (" + m.group() + ")");
                continue;
            }
            String first = path.isEmpty() ? "" : path.get(0);
            switch (context) {
                case "inputs" -> {
                    if (!first.isEmpty() && !scope.inputs.contains(first)) {
                        report(at, m.group() + " is not a declared input");
                    }
                }
                case "secrets" -> {
                    if (scope.secrets != null && !first.isEmpty() && !first.equals("GITHUB_TOKEN")
                            && !scope.secrets.contains(first)) {
                        report(at, m.group() + " is not a declared secret of this reusable workflow");
                    }
                }
                case "needs" -> {
                    if (!first.isEmpty() && !scope.needs.contains(first)) {
                        report(at, m.group() + ": this job does not need '" + first + "'");
                    } else if (path.size() >= 3 && path.get(1).equals("outputs")) {
                        checkOutput(at, m.group(), first, path.get(2), scope);
                    }
                }
                case "jobs" -> {
                    if (!scope.jobOutputs.containsKey(first)) {
                        report(at, m.group() + ": no job '" + first + "'");
                    } else if (path.size() >= 3 && path.get(1).equals("outputs")) {
                        checkOutput(at, m.group(), first, path.get(2), scope);
                    }
                }
                case "steps" -> {
                    if (!first.isEmpty() && !scope.stepIds.contains(first)) {
                        report(at, m.group() + ": no step of this job has the id '" + first + "'");
                    }
                }
                case "matrix" -> checkMatrix(at, m.group(), first, scope);
                default -> { }
            }
        }
    }

    private void checkOutput(String at, String reference, String job, String output, Scope scope) {
        JsonNode outputs = scope.jobOutputs.get(job);
        if (outputs != null && !outputs.has(output)) {
            report(at, reference + ": job '" + job + "' declares no output '" + output + "'");
        }
    }

    private void checkMatrix(String at, String reference, String key, Scope scope) {
        JsonNode matrix = scope.matrix;
        if (matrix == null || matrix.isMissingNode()) {
            report(at, reference + ": this job has no matrix");
            return;
        }
        if (!matrix.isObject() || key.isEmpty()) {
            return; // a matrix from an expression (fromJSON): its keys are known only at run time
        }
        Set<String> keys = new HashSet<>(keys(matrix));
        for (JsonNode include : matrix.path("include")) {
            keys.addAll(keys(include));
        }
        if (!keys.contains(key)) {
            report(at, reference + ": the job's matrix has no key '" + key + "'");
        }
    }

    private void report(String at, String message) {
        problems.add(file + ": " + at + ": " + message);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return () -> {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            return fields;
        };
    }

    /** What names mean where an expression stands. */
    private record Scope(Set<String> inputs, Set<String> needs, Map<String, JsonNode> jobOutputs, Set<String> secrets,
                         Set<String> stepIds, JsonNode matrix, boolean workflowOutputs) {
    }
}

package dev.perfgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflows, the composite action and the caller templates that {@code perf-gate init} writes pass
 * {@link WorkflowLint}; and each of its checks catches the mistake it is for.
 */
class WorkflowLintTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every workflow of the repository and every caller template of {@code perf-gate init}. */
    static List<Path> workflowFiles() throws IOException {
        List<Path> files = new ArrayList<>(ymlFiles(ROOT.resolve(".github").resolve("workflows")));
        files.addAll(ymlFiles(ROOT.resolve("perf-gate-cli/src/main/resources/dev/perfgate/cli/init")));
        return files;
    }

    /** Every composite action of the repository. */
    static List<Path> actionFiles() throws IOException {
        Path actions = ROOT.resolve(".github").resolve("actions");
        try (Stream<Path> files = Files.walk(actions)) {
            return files.filter(f -> f.getFileName().toString().equals("action.yml")).sorted().toList();
        }
    }

    private static List<Path> ymlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theWorkflowsAndCallerTemplatesPass() throws IOException {
        List<Path> files = workflowFiles();
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("perf-gate.yml", "perf-gate-comment.yml", "perf-gate-record-baseline.yml", "performance.yml");
        for (Path f : files) {
            assertThat(new WorkflowLint(ROOT).checkWorkflow(f)).as("%s", f).isEmpty();
        }
    }

    @Test
    void theCompositeActionPasses() throws IOException {
        assertThat(actionFiles()).isNotEmpty();
        for (Path f : actionFiles()) {
            assertThat(new WorkflowLint(ROOT).checkAction(f)).as("%s", f).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a need of no job           | a: {runs-on: x, steps: [{run: echo}]}, b: {needs: [a, c], runs-on: x, steps: [{run: echo}]}                  | needs 'c', which is not another job
        an undeclared input        | a: {runs-on: x, steps: [{run: echo, env: {X: '${{ inputs.nope }}'}}]}                                        | inputs.nope is not a declared input
        an undeclared job output   | a: {runs-on: x, outputs: {o: '${{ steps.s.outputs.o }}'}, steps: [{id: s, run: echo}]}, b: {needs: a, runs-on: x, steps: [{run: echo, env: {X: '${{ needs.a.outputs.p }}'}}]} | job 'a' declares no output 'p'
        a job not needed           | a: {runs-on: x, steps: [{run: echo}]}, b: {runs-on: x, steps: [{run: echo, env: {X: '${{ needs.a.result }}'}}]} | this job does not need 'a'
        an unknown step id         | a: {runs-on: x, steps: [{run: echo, env: {X: '${{ steps.s.outputs.o }}'}}]}                                  | no step of this job has the id 's'
        matrix in a job's if       | a: {if: matrix.p == 'x', strategy: {matrix: {p: [x]}}, runs-on: x, steps: [{run: echo}]}                    | the matrix context is not available here
        secrets in a step's if     | a: {runs-on: x, steps: [{if: secrets.T != '', run: echo}]}                                                  | the secrets context is not available here
        an unknown matrix key      | a: {strategy: {matrix: {p: [x]}}, runs-on: '${{ matrix.q }}', steps: [{run: echo}]}                          | the job's matrix has no key 'q'
        an expression in uses      | a: {runs-on: x, steps: [{uses: 'actions/checkout@${{ inputs.ref }}'}]}                                       | an expression in uses
        a missing local action     | a: {runs-on: x, steps: [{uses: ./.github/actions/nope}]}                                                    | no action at ./.github/actions/nope
        a missing reusable file    | a: {uses: ./.github/workflows/nope.yml}                                                                      | no reusable workflow at ./.github/workflows/nope.yml
        an unknown input passed    | a: {uses: ./.github/workflows/perf-gate.yml, with: {build-command: b, benchmarks-jar: j, treshold: '3'}}     | has no input 'treshold'
        a required input missing   | a: {uses: perfgate/perfgate/.github/workflows/perf-gate.yml@v1, with: {build-command: b}}                    | requires the input 'benchmarks-jar'
        a number given as text     | a: {uses: ./.github/workflows/perf-gate.yml, with: {build-command: b, benchmarks-jar: j, shards: two}}       | is a number, was 'two'
        an undeclared secret       | a: {uses: ./.github/workflows/perf-gate-record-baseline.yml, with: {build-command: b, benchmarks-jar: j, reason: r}, secrets: {token: x}} | declares no secret 'token'
        an unclosed expression     | a: {runs-on: x, steps: [{run: echo, env: {X: '${{ github.sha'}}]}                                            | without its closing }}
        """)
    void eachCheckCatchesItsMistake(String mistake, String jobs, String expected) throws IOException {
        String workflow = "on: {workflow_call: {inputs: {ref: {type: string}}}}\njobs: {" + jobs + "}\n";
        List<String> problems = new WorkflowLint(ROOT).checkWorkflow(mistake, YAML.readTree(workflow));
        assertThat(problems).as(mistake).anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void aCorrectWorkflowHasNoProblems() throws IOException {
        String workflow = """
            on: {workflow_call: {inputs: {x: {type: string, required: true}}, outputs: {o: {value: '${{ jobs.a.outputs.o }}'}}}}
            jobs:
              a:
                runs-on: ${{ matrix.os }}
                strategy: {matrix: {os: [ubuntu-latest]}}
                outputs: {o: '${{ steps.s.outputs.o }}'}
                steps: [{id: s, run: echo, env: {X: '${{ inputs.x }}', Y: '${{ job.workflow_sha }}'}}]
              b:
                needs: a
                if: ${{ !cancelled() && needs.a.outputs.o == 'y' }}
                uses: ./.github/workflows/perf-gate-comment.yml
                with: {workflow-run-id: '${{ needs.a.outputs.o }}'}
            """;
        assertThat(new WorkflowLint(ROOT).checkWorkflow("ok", YAML.readTree(workflow))).isEmpty();
    }
}

package dev.perfgate.core.jmh;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.perfgate.core.InputException;
import dev.perfgate.core.json.JsonErrors;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Combines JMH JSON result files, typically those of the shards of one suite
 * ({@code perf-gate run --shard I/N}), into one JMH JSON array.
 *
 * <p>Every input is validated by {@link JmhJsonReader}. The output holds the inputs' array
 * elements in input order, each element kept whole as a JSON tree (raw data, histograms,
 * secondary metrics, params and any field this perfgate does not know), so any JMH tool reads the
 * merged file as it would read the inputs. A benchmark (name, mode and params) in two inputs is
 * refused, naming both files: shards must not overlap. An input holding an empty array, as an
 * empty shard writes, contributes nothing; if no input holds a result, the merge is refused.
 *
 * <pre>{@code
 * JmhJsonMerger.Merged merged = new JmhJsonMerger().merge(List.of(shard1, shard2));
 * SafeFiles.writeAtomically(Path.of("results.json"), merged.json());
 * }</pre>
 */
public final class JmhJsonMerger {

    private final JmhJsonReader reader = new JmhJsonReader();
    private final ObjectMapper mapper = JmhJsonReader.mapper();

    /**
     * The outcome of a merge.
     *
     * @param json        the merged JMH JSON array, pretty-printed with a newline at the end
     * @param results     every merged benchmark as {@link JmhJsonReader} reads it, in output order
     * @param emptyInputs the inputs that held an empty array
     */
    public record Merged(String json, List<BenchmarkResult> results, List<Path> emptyInputs) {
        public Merged {
            Objects.requireNonNull(json, "json");
            results = List.copyOf(results);
            emptyInputs = List.copyOf(emptyInputs);
        }
    }

    /** Where a benchmark was first seen. */
    private record Origin(Path file, int index) {
    }

    /**
     * Merges JMH JSON files.
     *
     * @param inputs at least one file
     * @throws InputException when an input cannot be read or is not valid JMH JSON (naming the file and
     *                        the place), when a benchmark appears in two inputs (naming both), or when
     *                        no input holds a result
     */
    public Merged merge(List<Path> inputs) throws InputException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs must not be empty");
        }
        ArrayNode merged = mapper.createArrayNode();
        List<BenchmarkResult> results = new ArrayList<>();
        List<Path> empty = new ArrayList<>();
        Map<BenchmarkId, Origin> seen = new HashMap<>();
        for (Path file : inputs) {
            String source = file.toString();
            byte[] bytes = readBytes(file);
            JsonNode root = parse(source, bytes);
            if (root != null && root.isArray() && root.isEmpty()) {
                empty.add(file);
                continue;
            }
            List<BenchmarkResult> read = reader.read(source, new ByteArrayInputStream(bytes));
            for (int i = 0; i < read.size(); i++) {
                BenchmarkResult result = read.get(i);
                Origin first = seen.putIfAbsent(result.id(), new Origin(file, i));
                if (first != null) {
                    throw new InputException(source, "$[" + i + "]", "benchmark " + result.id()
                            + " is also in " + first.file() + " at $[" + first.index() + "]; each benchmark must "
                            + "come from one input only (do shards overlap, or is a file given twice?)");
                }
                merged.add(root.get(i));
                results.add(result);
            }
        }
        if (results.isEmpty()) {
            throw new InputException(String.join(", ", inputs.stream().map(Path::toString).toList()), null,
                    "no input holds a benchmark result (all are empty arrays)");
        }
        return new Merged(write(merged), results, empty);
    }

    private static byte[] readBytes(Path file) throws InputException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, null, "is a directory, expected a JMH JSON result file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(source, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(source, null, "permission denied");
        } catch (IOException e) {
            throw new InputException(source, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    private JsonNode parse(String source, byte[] bytes) throws InputException {
        try {
            return mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw JsonErrors.syntax(source, e);
        } catch (IOException e) {
            throw new InputException(source, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** JMH's own layout, so a merged file reads and diffs like JMH's. */
    private String write(ArrayNode merged) {
        try {
            return mapper.writer(new JmhLayout()).writeValueAsString(merged) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that was just read cannot be written", e);
        }
    }

    /** Four-space indentation, every value on its own line, empty arrays and objects opened and closed on two. */
    private static final class JmhLayout extends DefaultPrettyPrinter {

        private static final long serialVersionUID = 1L;

        JmhLayout() {
            DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
            indentArraysWith(indenter);
            indentObjectsWith(indenter);
        }

        private JmhLayout(JmhLayout base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new JmhLayout(this);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            super.writeEndArray(g, Math.max(1, nrOfValues));
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            super.writeEndObject(g, Math.max(1, nrOfEntries));
        }
    }
}

package org.deepbrew.kernel.magics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A kernel stand-in that records what the magics asked of it. */
final class RecordingContext implements MagicContext {
    final List<String> evaluated = new ArrayList<>();
    final List<Path> classpath = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final Function<String, Object> evaluator;
    long cpuNanos = -1;
    long cpuPerEvaluation;

    /** Each evaluation returns the last non-blank line of the code, trimmed. */
    RecordingContext() {
        this(code -> {
            String[] lines = code.strip().split("\n");
            return lines[lines.length - 1].strip();
        });
    }

    RecordingContext(Function<String, Object> evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public Object evaluate(String code) {
        evaluated.add(code);
        if (cpuNanos >= 0) {
            cpuNanos += cpuPerEvaluation;
        }
        return evaluator.apply(code);
    }

    @Override
    public void addToClasspath(Path... entries) {
        classpath.addAll(List.of(entries));
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public long cellCpuNanos() {
        return cpuNanos;
    }

    String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

package org.deepbrew.kernel.magics;

import java.util.List;
import java.util.Objects;

/**
 * One magic command: its name, how to call it, what it does, and the action behind it. A line
 * magic ({@code %name args}) occupies one line among Java code; a cell magic ({@code %%name args})
 * is the first line of a cell and receives the rest of the cell as its body.
 */
public final class Magic {

    /** Whether the magic takes one line or a whole cell. */
    public enum Kind {
        /** {@code %name args}, anywhere in a cell. */
        LINE("%"),
        /** {@code %%name args} on the first line; the rest of the cell is the body. */
        CELL("%%");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The characters that introduce this kind of magic. */
        public String prefix() {
            return prefix;
        }
    }

    /** What a magic does. */
    @FunctionalInterface
    public interface Action {
        /**
         * Runs the magic.
         *
         * @param args the arguments after the name, split on blanks (quotes group words)
         * @param body the rest of the cell for a cell magic, {@code null} for a line magic
         * @param interpreter the interpreter running the cell, to evaluate code or reach the kernel
         * @return the value the cell should show, or {@code null}
         */
        Object run(List<String> args, String body, MagicInterpreter interpreter) throws Exception;
    }

    private final Kind kind;
    private final String name;
    private final String usage;
    private final String summary;
    private final Action action;

    private Magic(Kind kind, String name, String usage, String summary, Action action) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("A magic name is a letter followed by letters, digits or _: " + name);
        }
        this.kind = kind;
        this.name = name;
        this.usage = Objects.requireNonNull(usage, "usage");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.action = Objects.requireNonNull(action, "action");
    }

    /** A line magic; {@code usage} shows the arguments, e.g. {@code "PATH|GLOB..."}. */
    public static Magic line(String name, String usage, String summary, Action action) {
        return new Magic(Kind.LINE, name, usage, summary, action);
    }

    /** A cell magic; {@code usage} shows the arguments of its first line. */
    public static Magic cell(String name, String usage, String summary, Action action) {
        return new Magic(Kind.CELL, name, usage, summary, action);
    }

    /** Line or cell. */
    public Kind kind() {
        return kind;
    }

    /** The name without the {@code %} prefix. */
    public String name() {
        return name;
    }

    /** How to call it, e.g. {@code %maven group:artifact:version...}. */
    public String usage() {
        return (kind.prefix() + name + " " + usage).trim();
    }

    /** One sentence saying what it does. */
    public String summary() {
        return summary;
    }

    /** Runs the action. */
    Object run(List<String> args, String body, MagicInterpreter interpreter) throws Exception {
        return action.run(args, body, interpreter);
    }

    @Override
    public String toString() {
        return kind.prefix() + name;
    }
}

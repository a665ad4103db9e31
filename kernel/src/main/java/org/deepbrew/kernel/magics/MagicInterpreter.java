package org.deepbrew.kernel.magics;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a cell that may contain magics. A cell whose first line is {@code %%name args} goes whole
 * to that cell magic. Otherwise each line of the form {@code %name args} runs as a line magic and
 * the Java code between such lines is evaluated in order, so
 * <pre>
 * %maven org.apache.commons:commons-collections4:4.4
 * new org.apache.commons.collections4.bag.HashBag&lt;String&gt;()
 * </pre>
 * first adds the jar, then evaluates the expression. The cell's value is the value of its last part.
 */
public final class MagicInterpreter {
    /** {@code %name rest} or {@code %%name rest}, leading blanks allowed. */
    private static final Pattern MAGIC_LINE = Pattern.compile("^\\s*(%%?)([A-Za-z][A-Za-z0-9_]*)(?:\\s+(.*))?\\s*$");

    private final MagicRegistry registry;
    private final MagicContext context;

    /** An interpreter that runs magics from {@code registry} against the kernel behind {@code context}. */
    public MagicInterpreter(MagicRegistry registry, MagicContext context) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** An interpreter with every {@link BuiltinMagics built-in magic}. */
    public static MagicInterpreter withBuiltins(MagicContext context) {
        return new MagicInterpreter(BuiltinMagics.registry(), context);
    }

    /** The magics this interpreter knows. */
    public MagicRegistry registry() {
        return registry;
    }

    /** The kernel the magics act on. */
    public MagicContext context() {
        return context;
    }

    /** True when the cell contains at least one magic line; such cells must go through {@link #run}. */
    public static boolean hasMagics(String cell) {
        if (cell.indexOf('%') < 0) {
            return false;
        }
        JavaLines java = new JavaLines();
        for (String line : cell.split("\\R", -1)) {
            if (java.atCode() && MAGIC_LINE.matcher(line).matches()) {
                return true;
            }
            java.consume(line);
        }
        return false;
    }

    /**
     * Runs a cell: magics here, Java through {@link MagicContext#evaluate}.
     *
     * @return the value of the cell's last part, or {@code null}
     * @throws MagicException when a magic is unknown, misused or fails
     * @throws Exception whatever evaluating the Java parts throws
     */
    public Object run(String cell) throws Exception {
        if (!hasMagics(cell)) {
            return context.evaluate(cell);
        }
        String[] lines = cell.split("\\R", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length) {
            Matcher head = MAGIC_LINE.matcher(lines[first]);
            if (head.matches() && head.group(1).equals("%%")) {
                Magic magic = registry.require(Magic.Kind.CELL, head.group(2));
                String body = String.join("\n", List.of(lines).subList(first + 1, lines.length));
                return magic.run(MagicArgs.split(nullToEmpty(head.group(3))), body, this);
            }
        }
        Object result = null;
        StringBuilder code = new StringBuilder();
        boolean pendingCode = false;
        JavaLines java = new JavaLines();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC_LINE.matcher(lines[i]);
            if (!java.atCode() || !m.matches()) {
                java.consume(lines[i]);
                code.append(lines[i]).append('\n');
                pendingCode |= !lines[i].isBlank();
                continue;
            }
            if (m.group(1).equals("%%")) {
                throw new MagicException("Cell magic %%" + m.group(2) + " must be the first line of the cell (found on line "
                        + (i + 1) + ").");
            }
            if (pendingCode) {
                result = context.evaluate(code.toString());
            }
            // Blank lines keep the code's line numbers equal to the cell's in compiler messages.
            code.setLength(0);
            code.append("\n".repeat(i + 1));
            pendingCode = false;
            Magic magic = registry.require(Magic.Kind.LINE, m.group(2));
            result = magic.run(MagicArgs.split(nullToEmpty(m.group(3))), null, this);
        }
        if (pendingCode) {
            result = context.evaluate(code.toString());
        }
        return result;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

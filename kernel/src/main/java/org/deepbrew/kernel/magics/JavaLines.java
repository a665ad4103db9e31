package org.deepbrew.kernel.magics;

/**
 * Tracks whether a line of a cell starts inside a text block, a block comment or a string, so
 * that a line such as {@code %s of %d} inside a {@code """} text block is not taken for a magic.
 */
final class JavaLines {
    private enum State { CODE, STRING, CHAR, TEXT_BLOCK, BLOCK_COMMENT }

    private State state = State.CODE;

    /** True when the next line starts in plain code, where a magic line may stand. */
    boolean atCode() {
        return state == State.CODE;
    }

    /** Advances over one line of Java (without its line break). */
    void consume(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            switch (state) {
                case CODE:
                    if (line.startsWith("\"\"\"", i)) {
                        state = State.TEXT_BLOCK;
                        i += 3;
                        continue;
                    }
                    if (line.startsWith("//", i)) {
                        return;
                    }
                    if (line.startsWith("/*", i)) {
                        state = State.BLOCK_COMMENT;
                        i += 2;
                        continue;
                    }
                    if (c == '"') {
                        state = State.STRING;
                    } else if (c == '\'') {
                        state = State.CHAR;
                    }
                    break;
                case STRING:
                case CHAR:
                    if (c == '\\') {
                        i += 2;
                        continue;
                    }
                    if (c == (state == State.STRING ? '"' : '\'')) {
                        state = State.CODE;
                    }
                    break;
                case TEXT_BLOCK:
                    if (c == '\\') {
                        i += 2;
                        continue;
                    }
                    if (line.startsWith("\"\"\"", i)) {
                        state = State.CODE;
                        i += 3;
                        continue;
                    }
                    break;
                case BLOCK_COMMENT:
                    if (line.startsWith("*/", i)) {
                        state = State.CODE;
                        i += 2;
                        continue;
                    }
                    break;
                default:
                    break;
            }
            i++;
        }
        // A string or char literal cannot span lines; the compiler will report it, not us.
        if (state == State.STRING || state == State.CHAR) {
            state = State.CODE;
        }
    }
}

package org.deepbrew.kernel.magics;

import java.util.ArrayList;
import java.util.List;

/** Splits the text after a magic's name into arguments, the way a shell would for simple input. */
final class MagicArgs {
    private MagicArgs() {}

    /**
     * Splits on blanks; single or double quotes group words (so paths with spaces work) and a
     * backslash inside double quotes escapes the next character.
     *
     * @throws MagicException when a quote is left open
     */
    static List<String> split(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    args.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new MagicException("Unclosed " + quote + " in magic arguments: " + text);
        }
        if (inWord) {
            args.add(current.toString());
        }
        return args;
    }
}

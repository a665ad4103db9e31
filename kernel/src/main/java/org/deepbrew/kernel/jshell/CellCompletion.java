package org.deepbrew.kernel.jshell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.ErroneousSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/**
 * Completion that knows what the cell being written declares before the cursor. Those
 * declarations have not run, so JShell does not know them; here they become members of one
 * synthetic class, and the text at the cursor the body of a method in it (or a member, when it
 * declares a method or class itself). JShell analyses that class as it would the snippet alone,
 * compiling it without running anything.
 *
 * <p>Earlier statements and expressions are left out: they declare nothing later code can name,
 * and their mistakes would only confuse the analysis. Earlier imports are left out too, as a class
 * body cannot hold them. Not thread-safe: the evaluator calls it under its lock.
 */
final class CellCompletion {
    // Instance members, not static: JShell then offers the cell's variables and methods by name.
    private static final String CLASS_NAME = "$Cell";
    private static final String METHOD_NAME = "$cell";
    private static final String CLASS_OPEN = "class " + CLASS_NAME + " {\n";
    private static final String METHOD_OPEN = "void " + METHOD_NAME + "() {\n";
    private static final int MAX_CACHED = 512;

    /** Kinds of earlier snippets by source: each TAB asks again about the same ones as the cell grows. */
    private final Map<String, Snippet.Kind> kinds = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Snippet.Kind> eldest) {
            return size() > MAX_CACHED;
        }
    };

    /**
     * Like {@link SourceCodeAnalysis#completionSuggestions} for {@code text} (a snippet up to the
     * cursor) after the cell's {@code earlier} snippets; {@code anchor[0]} becomes an offset into
     * {@code text}.
     */
    List<Suggestion> suggestions(SourceCodeAnalysis analysis, List<String> earlier, String text, int[] anchor) {
        String declarations = declarations(analysis, earlier);
        if (!declarations.isEmpty()) {
            Snippet.Kind kind = kindOf(analysis, text);
            if (kind != Snippet.Kind.IMPORT) {
                boolean member = kind == Snippet.Kind.METHOD || kind == Snippet.Kind.TYPE_DECL;
                String prefix = CLASS_OPEN + declarations + (member ? "" : METHOD_OPEN);
                String source = prefix + text;
                List<Suggestion> found = analysis.completionSuggestions(source, source.length(), anchor).stream()
                        .filter(s -> !isWrapper(s))
                        .toList();
                if (!found.isEmpty() && anchor[0] >= prefix.length()) {
                    anchor[0] -= prefix.length();
                    return found;
                }
            }
        }
        // Nothing declared before, or the wrapped cell gave nothing: the snippet alone, as JShell sees it.
        return analysis.completionSuggestions(text, text.length(), anchor);
    }

    /** The declarations among {@code earlier}, one a line, ready for a class body. */
    private String declarations(SourceCodeAnalysis analysis, List<String> earlier) {
        StringBuilder sb = new StringBuilder();
        for (String source : earlier) {
            Snippet.Kind kind = kinds.computeIfAbsent(source, s -> kindOf(analysis, s));
            if (kind == Snippet.Kind.VAR || kind == Snippet.Kind.METHOD || kind == Snippet.Kind.TYPE_DECL) {
                // Variables become fields: javac still infers a 'var' field's type, though it rejects it.
                sb.append(source).append('\n');
            }
        }
        return sb.toString();
    }

    /** What a snippet declares, judged without running it. */
    private static Snippet.Kind kindOf(SourceCodeAnalysis analysis, String source) {
        List<Snippet> snippets = analysis.sourceToSnippets(source);
        if (snippets.isEmpty()) {
            return Snippet.Kind.ERRONEOUS;
        }
        Snippet s = snippets.get(0);
        if (s instanceof ErroneousSnippet e) {
            // Such as 'var b = a.reverse();' with a declared in this cell: it cannot compile alone.
            return e.probableKind();
        }
        // A bare expression JShell would keep in a $N variable declares nothing the user can name.
        return s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND ? Snippet.Kind.EXPRESSION : s.kind();
    }

    private static boolean isWrapper(Suggestion s) {
        String name = s.continuation().replaceFirst("\\(\\)?$", "");
        return name.equals(CLASS_NAME) || name.equals(METHOD_NAME);
    }
}

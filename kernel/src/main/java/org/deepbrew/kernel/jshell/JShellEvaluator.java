package org.deepbrew.kernel.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * A {@link JavaEvaluator} over JShell running snippets in this JVM. Cells are split into snippets
 * with {@link SourceCodeAnalysis#analyzeCompletion}; the last expression's live object is the
 * cell's value. Errors come back as {@link EvaluationException}s that point into the cell.
 *
 * <p>Not for concurrent evaluation: the kernel runs one cell at a time on its cell thread. The
 * code-analysis methods ({@link #complete}, {@link #inspect}, {@link #isComplete}) may be called
 * from other threads; they wait while a cell compiles.
 */
public final class JShellEvaluator implements JavaEvaluator, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JShellEvaluator.class.getName());
    private static final String STARTUP_RESOURCE = "/org/deepbrew/kernel/startup.jsh";
    private static final String USER_CLASS_PREFIX = "REPL.";

    private final JShell jshell;
    private final SourceCodeAnalysis analysis;
    private final KernelExecutionControl control;
    private final SnippetLoader loader;
    private final List<Path> classpath;
    private final ReentrantLock lock = new ReentrantLock();
    /** Snippet id to where its source sits, for stack traces that point into cells. */
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private final List<String> startupProblems = new CopyOnWriteArrayList<>();
    private final JavadocCache javadoc = new JavadocCache();
    private final CellCompletion cellCompletion = new CellCompletion();
    private volatile String cellName = "this cell";

    private JShellEvaluator(Builder b) {
        this.classpath = new CopyOnWriteArrayList<>(b.classpath);
        this.loader = new SnippetLoader(b.parentLoader);
        this.control = new KernelExecutionControl(loader);
        // No --class-path here: JShell's own class path comes first among compiler options, and a
        // user --class-path would override it, hiding everything addToClasspath adds later.
        List<String> options = new ArrayList<>(List.of("-parameters"));
        this.jshell = JShell.builder()
                .executionEngine(new KernelExecutionControl.Provider(control), Map.of())
                .fileManager(IndexKeepingFileManager::new)
                .compilerOptions(options.toArray(String[]::new))
                .build();
        this.analysis = jshell.sourceCodeAnalysis();
        jshell.addToClasspath(Classpaths.join(classpath));
        if (b.startup) {
            runStartup();
        }
    }

    /** A builder with this JVM's classpath and the DeepBrew startup imports. */
    public static Builder builder() {
        return new Builder();
    }

    /** An evaluator with this JVM's classpath and the startup imports. */
    public static JShellEvaluator create() {
        return builder().build();
    }

    /** The class loader snippets run under; the cell thread uses it as context class loader. */
    public ClassLoader snippetClassLoader() {
        return loader.classLoader();
    }

    /** How stack traces and compile errors name the cell being evaluated, such as {@code "cell [3]"}. */
    public void setCellName(String name) {
        this.cellName = Objects.requireNonNull(name, "name");
    }

    /** Startup imports that could not be applied (for example a toolkit package not on the classpath). */
    public List<String> startupProblems() {
        return List.copyOf(startupProblems);
    }

    private void runStartup() {
        String script;
        try (InputStream in = JShellEvaluator.class.getResourceAsStream(STARTUP_RESOURCE)) {
            script = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the startup imports " + STARTUP_RESOURCE, e);
        }
        StringBuilder imports = new StringBuilder();
        for (String line : script.split("\\R")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("//")) {
                imports.append(s).append(' ');
            }
        }
        // One eval for all imports is much faster than one each; if any import fails, JShell
        // rejects them together, so then they are applied one by one.
        List<SnippetEvent> batch = jshell.eval(imports.toString());
        if (batch.stream().anyMatch(e -> e.status() == Snippet.Status.REJECTED)) {
            for (String single : imports.toString().split("(?<=;) ")) {
                for (SnippetEvent event : jshell.eval(single)) {
                    if (event.status() == Snippet.Status.REJECTED) {
                        String why = jshell.diagnostics(event.snippet()).map(d -> d.getMessage(Locale.ROOT))
                                .collect(Collectors.joining("; "));
                        startupProblems.add(single.strip() + " -> " + why);
                    }
                }
            }
        }
        if (!startupProblems.isEmpty()) {
            LOG.info(() -> "startup imports skipped: " + startupProblems);
        }
    }

    // ------------------------------------------------------------------ evaluation

    @Override
    public EvalResult eval(String code) throws EvaluationException {
        Objects.requireNonNull(code, "code");
        lock.lock();
        try {
            return evalLocked(code);
        } finally {
            control.clearValues();
            lock.unlock();
        }
    }

    private EvalResult evalLocked(String code) throws EvaluationException {
        EvalResult result = EvalResult.NONE;
        for (Span span : split(code)) {
            result = evalSnippet(code, span);
        }
        return result;
    }

    private EvalResult evalSnippet(String cell, Span span) throws EvaluationException {
        Map<VarSnippet, Object> values = liveValues();
        List<SnippetEvent> events = jshell.eval(span.source);
        keepValues(values, events);
        try {
            return outcome(cell, span, events);
        } finally {
            forgetTemporaries(events);
        }
    }

    /** The value of every variable that holds one now, read from its wrapper class. */
    private Map<VarSnippet, Object> liveValues() {
        Map<VarSnippet, Object> values = new HashMap<>();
        jshell.variables().filter(v -> jshell.status(v) == Snippet.Status.VALID).forEach(v -> {
            VariableSlot slot = slotOf(v);
            Object value = slot == null ? null : slot.get();
            if (value != null) {
                values.put(v, value);
            }
        });
        return values;
    }

    private VariableSlot slotOf(VarSnippet v) {
        try {
            return control.locate(() -> jshell.varValue(v));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot locate " + v.name(), e);
            return null;
        }
    }

    /**
     * Gives back their values to variables JShell recompiled because of this snippet. JShell
     * recompiles every variable an on-demand import might affect, and without class redefinition
     * (impossible in the kernel's own JVM) it loads a new wrapper class whose field is empty: the
     * user's model or data set would silently become null. A value that no longer fits (its
     * class was redefined) cannot be kept; the user is told which variables lost theirs.
     */
    private void keepValues(Map<VarSnippet, Object> before, List<SnippetEvent> events) {
        List<String> lost = new ArrayList<>();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null || !(event.snippet() instanceof VarSnippet v) || !before.containsKey(v)) {
                continue;
            }
            if (event.status() == Snippet.Status.OVERWRITTEN || event.status() == Snippet.Status.DROPPED) {
                continue; // replaced by the user's own new declaration
            }
            VariableSlot slot = event.status() == Snippet.Status.VALID ? slotOf(v) : null;
            Object value = before.get(v);
            if (slot == null || (slot.get() != value && !slot.set(value))) {
                lost.add(v.name() + " (" + v.typeName() + ")");
            }
        }
        if (!lost.isEmpty()) {
            boolean one = lost.size() == 1;
            System.err.println("Note: " + String.join(", ", lost) + (one ? " was" : " were") + " reset to null: "
                    + (one ? "its type was" : "their types were") + " redefined in this cell, and the old "
                    + (one ? "value is" : "values are") + " of the old class. Run the cells that set "
                    + (one ? "it" : "them") + " again.");
        }
    }

    /**
     * Drops the {@code $1, $2, ...} variables JShell declares for expression values. The kernel
     * shows the value itself; kept, every later snippet would import each of them, and compiling a
     * cell would get slower the longer a notebook runs (and their values could never be freed).
     */
    private void forgetTemporaries(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    && jshell.status(snippet).isActive()) {
                jshell.drop(snippet);
            }
        }
    }

    private EvalResult outcome(String cell, Span span, List<SnippetEvent> events) throws EvaluationException {
        EvalResult result = EvalResult.NONE;
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            if (event.causeSnippet() != null) {
                continue; // a dependant updated by this snippet; JShell re-ran what was needed
            }
            origins.put(snippet.id(), new Origin(cellName, lineOf(cell, span.codeStart())));
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(cell, span, snippet);
            }
            JShellException thrown = event.exception();
            if (thrown != null) {
                throw runtimeError(thrown);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                noteUnresolved(snippet);
            }
            KernelExecutionControl.Holder value = control.takeValue(event.value());
            if (value != null && showsValue(snippet)) {
                result = EvalResult.of(value.value());
            }
        }
        return result;
    }

    private static boolean showsValue(Snippet snippet) {
        switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND:
            case VAR_VALUE_SUBKIND:
            case OTHER_EXPRESSION_SUBKIND:
                return true;
            default:
                return false;
        }
    }

    private void noteUnresolved(Snippet snippet) {
        if (!(snippet instanceof DeclarationSnippet)) {
            return;
        }
        DeclarationSnippet d = (DeclarationSnippet) snippet;
        String missing = jshell.unresolvedDependencies(d).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            System.err.println("Note: " + d.name() + " is defined, but cannot be used until " + missing
                    + (missing.contains(",") ? " are" : " is") + " defined.");
        }
    }

    // ------------------------------------------------------------------ errors

    private EvaluationException compileError(String cell, Span span, Snippet snippet) {
        List<Diag> errors = jshell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        if (errors.isEmpty()) {
            String first = firstLine(span.source.strip());
            message.append("This code does not compile: ").append(first);
            lines.add(Ansi.red("Compile error") + " in " + cellName + ": the code could not be compiled.");
            lines.add("    " + first);
        }
        for (Diag d : errors) {
            long pos = d.getPosition() != Diag.NOPOS ? d.getPosition() : d.getStartPosition();
            int abs = span.start + (pos == Diag.NOPOS ? 0 : (int) Math.min(pos, span.source.length()));
            abs = Math.min(abs, cell.length());
            int line = lineOf(cell, abs);
            int column = abs - lineStart(cell, abs) + 1;
            List<String> msg = cleanMessage(d.getMessage(Locale.ROOT));
            if (message.length() > 0) {
                message.append('\n');
            }
            message.append("line ").append(line).append(", column ").append(column).append(": ").append(msg.get(0));
            lines.add(Ansi.red("Compile error") + " in " + cellName + ", line " + line + ", column " + column + ": "
                    + Ansi.bold(msg.get(0)));
            for (String extra : msg.subList(1, msg.size())) {
                lines.add("    " + extra.strip());
            }
            String sourceLine = lineText(cell, abs);
            lines.add("    " + sourceLine);
            lines.add("    " + " ".repeat(Math.max(0, Math.min(column - 1, sourceLine.length()))) + Ansi.red("^"));
        }
        return new EvaluationException(EvaluationException.Kind.COMPILE, null, message.toString(), lines, null);
    }

    private static List<String> cleanMessage(String raw) {
        List<String> out = new ArrayList<>();
        for (String l : raw.split("\\R")) {
            // JShell's wrapper classes mean nothing to the user.
            if (l.isBlank() || l.contains("$JShell$") || l.strip().equals("location: class")) {
                continue;
            }
            out.add(l);
        }
        if (out.isEmpty()) {
            out.add(raw.strip());
        }
        return out;
    }

    private EvaluationException runtimeError(JShellException thrown) {
        if (thrown instanceof UnresolvedReferenceException) {
            DeclarationSnippet s = ((UnresolvedReferenceException) thrown).getSnippet();
            String missing = jshell.unresolvedDependencies(s).collect(Collectors.joining(", "));
            String message = "'" + s.name() + "' cannot run yet: it uses " + (missing.isEmpty() ? "something" : missing)
                    + ", which is not defined. Define it in a cell, then run this again.";
            control.takeLastThrown();
            return new EvaluationException(EvaluationException.Kind.UNRESOLVED, null, message,
                    List.of(Ansi.red("Unresolved reference: ") + message), null);
        }
        Throwable original = control.takeLastThrown();
        if (original == null) {
            // Should not happen; keep what JShell kept.
            original = thrown;
        }
        List<String> lines = new ArrayList<>();
        formatThrowable(thrown, lines);
        String name = thrown instanceof EvalException
                ? simpleName(((EvalException) thrown).getExceptionClassName())
                : original.getClass().getSimpleName();
        String message = original.getMessage() == null ? "" : original.getMessage();
        return new EvaluationException(EvaluationException.Kind.RUNTIME, name, message, lines, original);
    }

    /** Formats JShell's copy of the exception: its frames name snippets and their lines. */
    private void formatThrowable(Throwable t, List<String> out) {
        Set<Throwable> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        boolean first = true;
        for (Throwable cur = t; cur != null && seen.add(cur); cur = cur.getCause()) {
            String header = (cur instanceof EvalException ? ((EvalException) cur).getExceptionClassName()
                    : cur.getClass().getName()) + (cur.getMessage() == null ? "" : ": " + cur.getMessage());
            out.add(first ? Ansi.red(header) : Ansi.red("Caused by: ") + header);
            first = false;
            for (String frame : frames(cur.getStackTrace())) {
                out.add("    at " + frame);
            }
        }
    }

    /** Frames of the user's code and what it called; JShell, reflection and kernel frames are cut. */
    private List<String> frames(StackTraceElement[] trace) {
        int lastUser = -1;
        for (int i = 0; i < trace.length; i++) {
            if (isUserFrame(trace[i])) {
                lastUser = i;
            }
        }
        List<String> out = new ArrayList<>();
        int limit = lastUser >= 0 ? lastUser + 1 : trace.length;
        int shown = 0;
        for (int i = 0; i < limit; i++) {
            if ((lastUser < 0 && isInternal(trace[i])) || trace[i].getClassName().startsWith("org.deepbrew.kernel.")) {
                continue;
            }
            if (shown == MAX_LIBRARY_FRAMES && lastUser < 0) {
                out.add("... " + (limit - i) + " more");
                break;
            }
            out.add(describe(trace[i]));
            shown++;
        }
        return out;
    }

    /** How many frames of a trace without user code are worth showing. */
    private static final int MAX_LIBRARY_FRAMES = 12;

    private static boolean isUserFrame(StackTraceElement e) {
        // JShell rewrites frames of snippet code to an empty class and a "#<snippet id>" file.
        return e.getClassName().startsWith(USER_CLASS_PREFIX)
                || (e.getClassName().isEmpty() && e.getFileName() != null && e.getFileName().startsWith("#"));
    }

    private static boolean isInternal(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("jdk.jshell.") || c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("org.deepbrew.kernel.") || c.startsWith("java.util.concurrent.FutureTask")
                || c.equals("java.lang.Thread");
    }

    private String describe(StackTraceElement e) {
        if (!isUserFrame(e)) {
            return e.toString();
        }
        String method = e.getMethodName();
        boolean topLevel = method.isEmpty() || method.equals("do_it$");
        String file = e.getFileName();
        Origin origin = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
        if (origin == null || e.getLineNumber() < 0) {
            return topLevel ? "cell code" : method;
        }
        String place = origin.cell + ", line " + (origin.firstLine + e.getLineNumber() - 1);
        return topLevel ? place : method + " (" + place + ")";
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    // ------------------------------------------------------------------ classpath

    @Override
    public void addToClasspath(Path... entries) {
        List<Path> fresh = new ArrayList<>();
        for (Path p : entries) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                throw new IllegalArgumentException("Cannot add " + abs + " to the classpath: it does not exist");
            }
            if (!classpath.contains(abs)) {
                fresh.add(abs);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            jshell.addToClasspath(Classpaths.join(fresh));
            classpath.addAll(fresh);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Path> classpath() {
        return List.copyOf(classpath);
    }

    // ------------------------------------------------------------------ code analysis

    /**
     * Jupyter's is_complete answer: {@code "complete"}, {@code "invalid"}, or the indent to start
     * the next line with when more input is needed.
     */
    public String isComplete(String code) {
        lock.lock();
        try {
            String remaining = code;
            while (!remaining.isBlank()) {
                if (remaining.strip().startsWith("%")) {
                    // A magic line: complete as soon as it ends.
                    int nl = remaining.indexOf('\n', remaining.indexOf('%'));
                    if (nl < 0) {
                        return "complete";
                    }
                    remaining = remaining.substring(nl + 1);
                    continue;
                }
                CompletionInfo info = analysis.analyzeCompletion(remaining);
                switch (info.completeness()) {
                    case COMPLETE:
                    case COMPLETE_WITH_SEMI:
                        remaining = info.remaining();
                        break;
                    case EMPTY:
                        return "complete";
                    case DEFINITELY_INCOMPLETE:
                    case CONSIDERED_INCOMPLETE:
                        return indentFor(code);
                    default:
                        return "invalid";
                }
            }
            return "complete";
        } finally {
            lock.unlock();
        }
    }

    private static String indentFor(String code) {
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '{' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ')') && depth > 0) {
                depth--;
            }
        }
        return "    ".repeat(Math.max(1, depth));
    }

    /** Completion candidates at {@code cursor}, and the range of the cell they replace. */
    public Completions complete(String code, int cursor) {
        lock.lock();
        try {
            cursor = Math.max(0, Math.min(cursor, code.length()));
            int lineStart = lineStart(code, cursor);
            if (code.substring(lineStart, cursor).stripLeading().startsWith("%")) {
                return new Completions(List.of(), cursor, cursor);
            }
            List<Span> spans = split(code.substring(0, cursor));
            Span span = spans.isEmpty() ? new Span(cursor, "") : spans.get(spans.size() - 1);
            String text = code.substring(span.start, cursor);
            int[] anchor = new int[1];
            Set<String> seen = new LinkedHashSet<>();
            // The cell's earlier snippets have not run: JShell knows what they declare only through cellCompletion.
            List<String> earlier = spans.subList(0, Math.max(0, spans.size() - 1)).stream().map(s -> s.source).toList();
            List<SourceCodeAnalysis.Suggestion> suggestions = cellCompletion.suggestions(analysis, earlier, text, anchor);
            // Type-matching suggestions first, as JShell's own console does.
            suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(s -> seen.add(s.continuation()));
            suggestions.forEach(s -> seen.add(s.continuation()));
            return new Completions(new ArrayList<>(seen), span.start + anchor[0], cursor);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Signatures of what is at {@code cursor}, each with its javadoc as plain text where the JDK's
     * sources ({@code lib/src.zip}) are installed.
     */
    public String inspect(String code, int cursor) {
        lock.lock();
        try {
            cursor = Math.max(0, Math.min(cursor, code.length()));
            Span span = spanAt(code, cursor);
            int end = cursor;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                end++;
            }
            String text = code.substring(span.start, end);
            // Signatures first (cheap); javadoc from the cache, which reads sources only once.
            List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(text, text.length(), false);
            if (docs.isEmpty() && !text.endsWith("(")) {
                text = text + "(";
                docs = analysis.documentation(text, text.length(), false);
            }
            List<String> javadocs = javadoc.javadocFor(docs, analysis, text);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < docs.size(); i++) {
                if (sb.length() > 0) {
                    sb.append("\n\n");
                }
                sb.append(docs.get(i).signature());
                if (!javadocs.get(i).isEmpty()) {
                    sb.append("\n").append(javadocs.get(i));
                }
            }
            return sb.toString();
        } finally {
            lock.unlock();
        }
    }

    /** The text a completion replaces ({@code start}..{@code end}) and what may replace it. */
    public record Completions(List<String> matches, int start, int end) {}

    // ------------------------------------------------------------------ splitting

    /** Snippets of a cell with their offsets; an incomplete tail becomes a last snippet as is. */
    private List<Span> split(String code) {
        List<Span> spans = new ArrayList<>();
        int offset = 0;
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            String rest;
            switch (info.completeness()) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    source = info.source();
                    rest = info.remaining();
                    break;
                case EMPTY:
                    return spans;
                default:
                    // Incomplete or unparseable: compile it as is, so the compiler explains what is wrong.
                    source = remaining;
                    rest = "";
                    break;
            }
            String consumed = remaining.substring(0, remaining.length() - rest.length());
            // Diagnostics and stack-trace lines count from where JShell's source begins.
            int at = consumed.indexOf(source);
            if (at < 0 && source.endsWith(";")) {
                at = consumed.indexOf(source.substring(0, source.length() - 1));
            }
            if (at < 0) {
                at = 0;
                while (at < consumed.length() && Character.isWhitespace(consumed.charAt(at))) {
                    at++;
                }
            }
            spans.add(new Span(offset + at, source));
            offset += consumed.length();
            remaining = rest;
        }
        return spans;
    }

    private Span spanAt(String code, int cursor) {
        List<Span> spans = split(code.substring(0, cursor));
        if (spans.isEmpty()) {
            return new Span(cursor, "");
        }
        return spans.get(spans.size() - 1);
    }

    private static final class Span {
        final int start;
        final String source;

        Span(int start, String source) {
            this.start = start;
            this.source = source;
        }

        /** Where the code proper starts; JShell counts stack-trace lines from here. */
        int codeStart() {
            int i = 0;
            while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
                i++;
            }
            return start + i;
        }
    }

    private static final class Origin {
        final String cell;
        final int firstLine;

        Origin(String cell, int firstLine) {
            this.cell = cell;
            this.firstLine = firstLine;
        }
    }

    private static int lineOf(String text, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(String text, int pos) {
        int i = Math.min(pos, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    private static String lineText(String text, int pos) {
        int start = lineStart(text, pos);
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end).replace("\r", "");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void close() {
        try {
            jshell.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing JShell", e);
        }
    }

    /** Options for a {@link JShellEvaluator}. */
    public static final class Builder {
        private List<Path> classpath = Classpaths.ofThisJvm();
        private boolean startup = true;
        private ClassLoader parentLoader = JShellEvaluator.class.getClassLoader();

        private Builder() {}

        /** The compiler's classpath; by default this JVM's. */
        public Builder classpath(List<Path> entries) {
            this.classpath = List.copyOf(entries);
            return this;
        }

        /** Whether to run the DeepBrew startup imports (default true). */
        public Builder startupImports(boolean run) {
            this.startup = run;
            return this;
        }

        /** Builds the evaluator; this compiles the startup imports and takes about a second. */
        public JShellEvaluator build() {
            return new JShellEvaluator(this);
        }
    }
}

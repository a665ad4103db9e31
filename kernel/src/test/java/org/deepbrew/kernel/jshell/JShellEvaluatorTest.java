package org.deepbrew.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluator behaviour without sockets: values, redefinition, errors, refused exits, interrupts, analysis. */
class JShellEvaluatorTest {
    private static JShellEvaluator evaluator;
    private static CellExecutor cells;

    @BeforeAll
    static void start() throws Exception {
        evaluator = JShellEvaluator.builder().startupImports(false).build();
        cells = new CellExecutor();
    }

    @AfterAll
    static void stop() {
        cells.close();
        evaluator.close();
    }

    private static EvalResult run(String code) throws Exception {
        return cells.run(() -> evaluator.eval(code));
    }

    private static EvaluationException failure(String code) {
        return assertThrows(EvaluationException.class, () -> run(code));
    }

    @Test
    void lastExpressionIsTheLiveValue() throws Exception {
        EvalResult r = run("int a = 20;\nStringBuilder sb = new StringBuilder(\"x\");\nsb.append(a + 22)");
        assertTrue(r.hasValue());
        StringBuilder sb = assertInstanceOf(StringBuilder.class, r.value());
        assertEquals("x42", sb.toString());
    }

    @Test
    void statementsAndDeclarationsHaveNoValue() throws Exception {
        assertFalse(run("int unused = 5;").hasValue());
        assertFalse(run("void nothing() {}").hasValue());
        assertFalse(run("nothing();").hasValue());
        EvalResult nullValue = run("String n = null;\nn");
        assertTrue(nullValue.hasValue());
        assertEquals(null, nullValue.value());
    }

    @Test
    void redefinitionReachesDependants() throws Exception {
        run("int base() { return 1; }\nint scaled() { return base() * 10; }");
        assertEquals(10, run("scaled()").value());
        run("int base() { return 2; }");
        assertEquals(20, run("scaled()").value());
        run("class Box { int v() { return 3; } }");
        run("class Box { int v() { return 4; } }");
        assertEquals(4, run("new Box().v()").value());
    }

    @Test
    void compileErrorPointsAtLineAndColumnOfTheCell() {
        evaluator.setCellName("cell [7]");
        EvaluationException e = failure("int y = 3;\nint z = y +\n   undefinedThing;");
        assertEquals(EvaluationException.Kind.COMPILE, e.kind());
        assertTrue(e.getMessage().contains("line 3, column 4"), e.getMessage());
        String tb = String.join("\n", e.traceback());
        assertTrue(tb.contains("cell [7], line 3, column 4"), tb);
        assertTrue(tb.contains("   undefinedThing;"), tb);
        assertTrue(tb.contains("cannot find symbol"), tb);
        // the caret sits under the 'u' of undefinedThing
        List<String> lines = e.traceback();
        int src = lines.indexOf("    " + "   undefinedThing;");
        assertTrue(src >= 0, tb);
        assertTrue(lines.get(src + 1).startsWith("    " + "   " + "\u001b[1;31m^"), lines.get(src + 1));
    }

    @Test
    void runtimeTraceShowsUserFramesAndCausesOnly() throws Exception {
        evaluator.setCellName("cell [1]");
        run("int div(int a, int b) {\n  return a / b;\n}");
        evaluator.setCellName("cell [2]");
        EvaluationException e = failure("int q = 1;\nint r = div(4, 0);");
        assertEquals(EvaluationException.Kind.RUNTIME, e.kind());
        assertEquals("ArithmeticException", e.errorName());
        assertInstanceOf(ArithmeticException.class, e.getCause());
        String tb = String.join("\n", e.traceback());
        assertTrue(tb.contains("java.lang.ArithmeticException: / by zero"), tb);
        assertTrue(tb.contains("at div (cell [1], line 2)"), tb);
        assertTrue(tb.contains("at cell [2], line 2"), tb);
        assertFalse(tb.contains("jdk.jshell") || tb.contains("reflect") || tb.contains("org.deepbrew.kernel"), tb);

        EvaluationException chained = failure("throw new RuntimeException(\"outer\", new IllegalStateException(\"inner\"));");
        String ctb = String.join("\n", chained.traceback());
        assertTrue(ctb.contains("Caused by: ") && ctb.contains("java.lang.IllegalStateException: inner"), ctb);
    }

    @Test
    void unresolvedReferenceIsExplained() throws Exception {
        run("void usesMissing() { missingHelper(); }");
        EvaluationException e = failure("usesMissing()");
        assertEquals(EvaluationException.Kind.UNRESOLVED, e.kind());
        assertTrue(e.getMessage().contains("missingHelper"), e.getMessage());
        run("void missingHelper() {}");
        assertFalse(run("usesMissing();").hasValue());
    }

    @Test
    void systemExitIsBlockedAndTheEvaluatorGoesOn() throws Exception {
        EvaluationException e = failure("System.exit(3);");
        assertInstanceOf(SecurityException.class, e.getCause());
        assertTrue(e.getMessage().contains("System.exit(3) was blocked"), e.getMessage());
        // from a thread the cell started, too
        EvaluationException fromThread = failure(
                "Throwable[] seen = new Throwable[1];\nThread t = new Thread(() -> { try { System.exit(4); } catch (Throwable x) { seen[0] = x; } });\n"
                        + "t.start(); t.join();\nif (seen[0] != null) throw new RuntimeException(seen[0].getMessage());");
        assertTrue(fromThread.getMessage().contains("System.exit(4) was blocked"), fromThread.getMessage());
        // Runtime.exit and halt, and a method reference to System.exit
        for (String call : List.of("Runtime.getRuntime().exit(5);", "Runtime.getRuntime().halt(6);",
                "java.util.function.IntConsumer quit = System::exit; quit.accept(7);")) {
            EvaluationException refused = failure(call);
            assertInstanceOf(SecurityException.class, refused.getCause(), call);
            assertTrue(refused.getMessage().contains("was blocked"), refused.getMessage());
        }
        assertEquals(3, run("1 + 2").value());
    }

    @Test
    void interruptStopsABusyLoop() throws Exception {
        assertInterruptible("while (true) { }");
        assertInterruptible("long spins = 0;\nwhile (spins >= 0) { spins = (spins + 1) % 1000; }");
        // A loop that swallows the interrupt is stopped again at its next turn.
        assertInterruptible("for (;;) { try { while (true) { } } catch (Throwable swallowed) { } }");
        // A busy method of a class declared in a cell.
        run("class Spinner { void spin() { do { } while (true); } }");
        assertInterruptible("new Spinner().spin();");
        // The kernel goes on, and the next cell is not interrupted.
        assertEquals(45, run("int sum = 0; for (int i = 0; i < 10; i++) sum += i; sum").value());
    }

    @Test
    void interruptEndsASleep() throws Exception {
        assertInterruptible("Thread.sleep(60000);");
        // A sleep after a swallowed interrupt ends too.
        assertInterruptible("try { Thread.sleep(60000); } catch (InterruptedException e) { }\nThread.sleep(60000);");
    }

    private static void assertInterruptible(String code) throws Exception {
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                run(code);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(500);
        long start = System.nanoTime();
        assertTrue(cells.interrupt(), "a cell should be running");
        Throwable t = outcome.get(2, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - start) / 1_000_000;
        EvaluationException e = assertInstanceOf(EvaluationException.class, t);
        assertEquals(EvaluationException.Kind.INTERRUPTED, e.kind());
        assertTrue(ms < 2000, "took " + ms + " ms");
        assertEquals(7, run("3 + 4").value());
        assertFalse(cells.interrupt(), "nothing runs any more");
    }

    @Test
    void isCompleteDrivesMultiLineConsoleInput() {
        assertEquals("complete", evaluator.isComplete("int a = 1;"));
        assertEquals("complete", evaluator.isComplete("System.out.println(1)"));
        assertEquals("    ", evaluator.isComplete("for (int i = 0; i < 10; i++)"));
        assertEquals("        ", evaluator.isComplete("class A {\n  void f() {"));
        assertEquals("invalid", evaluator.isComplete("int 1x = ;)"));
        assertEquals("complete", evaluator.isComplete("%maven a:b:1"));
    }

    @Test
    void completesMethodNamesWithTheReplacedRange() {
        String code = "int k = 1;\n\"abc\".subs";
        JShellEvaluator.Completions c = evaluator.complete(code, code.length());
        assertTrue(c.matches().stream().anyMatch(m -> m.startsWith("substring")), c.toString());
        assertEquals(code.length() - "subs".length(), c.start());
        assertEquals(code.length(), c.end());
    }

    @Test
    void inspectShowsJavadocWhereTheJdkSourcesAre() {
        assumeTrue(new JavadocCache().sourcesInstalled(), "no src.zip in " + System.getProperty("java.home")
                + " (the JDK's sources are not installed): there is no javadoc to show");
        String doc = evaluator.inspect("Math.max(1, 2)", 6);
        assertTrue(doc.contains("int Math.max(int a, int b)\nReturns the greater of two int values"), doc);
        assertEquals(doc, evaluator.inspect("Math.max(1, 2)", 6), "the cached answer is the same");
    }

    @Test
    void inspectShowsSignatures() {
        String doc = evaluator.inspect("Math.max(1, 2)", 6);
        assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
    }

    @Test
    void expressionValuesLeaveNoVariablesBehind() throws Exception {
        // JShell would declare $1, $2, ... for them, and every later cell would compile against
        // all of them: cells would get slower the longer a notebook runs.
        assertEquals(42, run("40 + 2").value());
        EvaluationException e = failure("$1");
        assertEquals(EvaluationException.Kind.COMPILE, e.kind(), e.getMessage());
        run("int kept = 7;");
        assertEquals(7, run("kept").value(), "declared variables stay");
    }

    @Test
    void classesAddedToTheClasspathLaterAreSeenByLaterCells(@TempDir Path dir) throws Exception {
        assertEquals(3, run("1 + 2").value());
        Path source = Files.writeString(dir.resolve("Added.java"),
                "package added; public class Added { public static String hi() { return \"hi\"; } }");
        Path classes = Files.createDirectory(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));
        evaluator.addToClasspath(classes);
        assertEquals("hi", run("added.Added.hi()").value());
    }
}

package org.deepbrew.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TAB completion against what the cell being written declares before the cursor, without running it. */
class CellCompletionTest {
    private static final String RAN = "deepbrew.test.cellCompletionRan";
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() throws Exception {
        evaluator = JShellEvaluator.builder().startupImports(false).build();
        evaluator.eval("import java.util.*;");
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    /** Completions at the end of {@code code}, which must replace exactly {@code typed}. */
    private static List<String> complete(String code, String typed) {
        assertTrue(code.endsWith(typed));
        JShellEvaluator.Completions c = evaluator.complete(code, code.length());
        assertEquals(code.length() - typed.length(), c.start(), "start of the replaced text in " + c);
        assertEquals(code.length(), c.end(), "end of the replaced text in " + c);
        return c.matches();
    }

    private static void assertOffers(List<String> matches, String... expected) {
        for (String e : expected) {
            assertTrue(matches.contains(e), "no " + e + " in " + matches);
        }
    }

    @Test
    void variableDeclaredEarlierOnTheSameLine() {
        assertOffers(complete("List<String> xs = new ArrayList<>(); xs.ad", "ad"), "add(", "addAll(");
    }

    @Test
    void variablesDeclaredOnEarlierLines() {
        assertOffers(complete("var sb = new StringBuilder();\nint n = 3;\nsb.app", "app"), "append(");
    }

    @Test
    void varWhoseTypeDependsOnAnEarlierVariableOfTheCell() {
        assertOffers(complete("var a = new StringBuilder();\nvar b = a.reverse();\nb.app", "app"), "append(");
    }

    @Test
    void methodDeclaredEarlierInTheCell() {
        assertOffers(complete("int twice(int x) { return 2 * x; }\ntwi", "twi"), "twice(");
    }

    @Test
    void recordDeclaredEarlierInTheCell() {
        assertOffers(complete("record Point(int xCoord, int yCoord) {}\nvar p = new Point(1, 2);\np.xC", "xC"),
                "xCoord()");
    }

    @Test
    void insideALoop() {
        assertOffers(complete("for (String s : List.of(\"a\")) {\n  s.toUpp", "toUpp"), "toUpperCase(");
        assertOffers(complete("var sb = new StringBuilder();\nfor (int i = 0; i < 3; i++) {\n  sb.app", "app"),
                "append(");
    }

    @Test
    void insideAMethodBeingDeclared() {
        assertOffers(complete("var sb = new StringBuilder();\nvoid addTo(String s) {\n  sb.app", "app"), "append(");
    }

    @Test
    void namesFromEarlierCellsStillComplete() throws Exception {
        evaluator.eval("String fromBefore = \"x\";");
        assertOffers(complete("int k = 1;\nfromBefore.toUpp", "toUpp"), "toUpperCase(");
        assertOffers(complete("int k = 1;\nfromBe", "fromBe"), "fromBefore");
        assertOffers(complete("fromBefore.toUpp", "toUpp"), "toUpperCase(");
    }

    @Test
    void theCellsDeclarationHidesAnEarlierCellsOne() throws Exception {
        evaluator.eval("Integer shadowed = 1;");
        List<String> matches = complete("String shadowed = \"s\";\nshadowed.toUpp", "toUpp");
        assertOffers(matches, "toUpperCase(");
    }

    @Test
    void completingNeverRunsTheCell() {
        String code = "System.setProperty(\"" + RAN + "\", \"statement\");\n"
                + "String viaInit = System.setProperty(\"" + RAN + "\", \"initializer\");\n"
                + "String neverDeclared = \"a\";\nneverDeclared.len";
        assertOffers(complete(code, "len"), "length()");
        assertNull(System.getProperty(RAN), "the cell ran while completing");
        EvaluationException e = assertThrows(EvaluationException.class, () -> evaluator.eval("neverDeclared"));
        assertEquals(EvaluationException.Kind.COMPILE, e.kind(), e.getMessage());
    }

    @Test
    void theSyntheticWrapperIsNotOffered() {
        List<String> matches = complete("int k = 1;\n$", "$");
        assertFalse(matches.stream().anyMatch(m -> m.startsWith("$Cell") || m.startsWith("$cell")), matches.toString());
    }

    @Test
    void typeMatchingSuggestionsComeFirst() {
        List<String> matches = complete("String s = \"abc\";\nint n = s.", "");
        assertTrue(matches.indexOf("length()") >= 0, matches.toString());
        assertTrue(matches.indexOf("length()") < matches.indexOf("toUpperCase("), matches.toString());
    }

    @Test
    void statementsAndBrokenCodeEarlierInTheCellDoNotGetInTheWay() {
        String code = "System.out.println(\"hi\");\nundefinedThing.call();\n1 + 2;\nList<String> xs = List.of();\nxs.isEm";
        assertOffers(complete(code, "isEm"), "isEmpty()");
    }

    @Test
    void answersQuicklyOnAWarmEvaluator() {
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            cell.append("var v").append(i).append(" = new StringBuilder(\"").append(i).append("\");\n");
            cell.append("v").append(i).append(".append(").append(i).append(");\n");
        }
        String code = cell + "v39.app";
        complete(code, "app");
        long start = System.nanoTime();
        assertOffers(complete(code + "e", "appe"), "append(");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 1000, "took " + ms + " ms");
    }
}

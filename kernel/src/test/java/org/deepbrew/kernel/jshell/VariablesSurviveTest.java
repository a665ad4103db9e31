package org.deepbrew.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A variable keeps its value until the user redefines it. JShell recompiles variables when an
 * on-demand import arrives and loads them in fresh, empty wrapper classes; the evaluator must give
 * the values back, and say so when it cannot (the variable's class itself was redefined).
 */
class VariablesSurviveTest {
    private JShellEvaluator evaluator;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void start() {
        evaluator = JShellEvaluator.builder().startupImports(false).build();
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(originalErr);
        evaluator.close();
    }

    private Object value(String code) throws EvaluationException {
        return evaluator.eval(code).value();
    }

    /** What the evaluator printed to stderr since the last call. */
    private String notes() {
        String s = err.toString(StandardCharsets.UTF_8);
        err.reset();
        return s;
    }

    @Test
    void aModelSurvivesACellOfTwoOnDemandImports() throws Exception {
        // The case users hit after a BERT cell: the model, its history and data set became null.
        evaluator.eval("import ai.djl.*;");
        evaluator.eval("Model m1 = Model.newInstance(\"w\");");
        evaluator.eval("String label = \"kept\";");
        evaluator.eval("import org.deepbrew.nlp.bert.*;\nimport org.deepbrew.data.text.*;\nint j = 1;");
        assertEquals("false", value("String.valueOf(m1 == null)"));
        assertEquals("w", value("m1.getName()"));
        assertEquals("kept", value("label"));
        assertEquals("", notes(), "nothing was lost, so nothing to report");
        evaluator.eval("m1.close();");
    }

    @Test
    void aVariableWhoseClassIsRedefinedIsResetAndTheUserIsTold() throws Exception {
        evaluator.eval("class Point { int x = 1; }");
        evaluator.eval("Point p = new Point();\njava.util.List<Point> ps = java.util.List.of(new Point());\nint n = 7;");
        notes();
        evaluator.eval("class Point { int x = 2; int y; }");
        assertNull(value("p"));
        String note = notes();
        assertTrue(note.contains("p (Point) was reset to null"), note);
        assertFalse(note.contains("n ("), "an int has nothing to do with Point: " + note);
        assertEquals(7, value("n"));
        assertEquals(2, value("new Point().x"));
    }

    /**
     * Generated notebooks: cells of imports, declarations, redefinitions of variables, methods and
     * classes, and failing statements. After every cell, each variable the cells did not redefine
     * holds its value; variables of a redefined class are reset, and the cell's note names them.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyVariableNotRedefinedKeepsItsValue(long seed) throws Exception {
        Random random = new Random(seed);
        Map<String, Object> expected = new LinkedHashMap<>(); // variable -> value (Box: its v)
        Map<String, String> boxVariables = new LinkedHashMap<>();
        int names = 0;
        int boxGeneration = 0;
        evaluator.eval("class Box { int v; Box(int v) { this.v = v; } int gen() { return 0; } }");
        for (int cell = 0; cell < 60; cell++) {
            List<String> parts = new ArrayList<>();
            Map<String, Object> assigned = new LinkedHashMap<>();
            List<String> resetByCell = new ArrayList<>();
            boolean fails = false;
            int count = 1 + random.nextInt(4);
            for (int k = 0; k < count && !fails; k++) {
                int kind = random.nextInt(10);
                String name = "v" + (names++);
                int number = random.nextInt(1000);
                if (kind <= 2) {
                    parts.add("import " + STAR_IMPORTS[random.nextInt(STAR_IMPORTS.length)] + ".*;");
                } else if (kind == 3) {
                    parts.add("import java.util.concurrent.atomic.AtomicLong;");
                } else if (kind == 4) {
                    parts.add("int " + name + " = " + number + ";");
                    assigned.put(name, number);
                } else if (kind == 5) {
                    parts.add("String " + name + " = \"s" + number + "\";");
                    assigned.put(name, "s" + number);
                } else if (kind == 6 && !expected.isEmpty()) {
                    // Redefine an existing variable, sometimes with another type.
                    String old = new ArrayList<>(expected.keySet()).get(random.nextInt(expected.size()));
                    if (random.nextBoolean()) {
                        parts.add("long " + old + " = " + number + "L;");
                        assigned.put(old, (long) number);
                    } else {
                        parts.add("String " + old + " = \"r" + number + "\";");
                        assigned.put(old, "r" + number);
                    }
                    boxVariables.remove(old);
                } else if (kind == 7) {
                    parts.add("Box " + name + " = new Box(" + number + ");");
                    assigned.put(name, number);
                    boxVariables.put(name, "Box");
                } else if (kind == 8) {
                    if (random.nextBoolean()) {
                        parts.add("int twice(int x) { return 2 * x + " + number + "; }");
                    } else {
                        boxGeneration++;
                        parts.add("class Box { int v; Box(int v) { this.v = v; } int gen() { return " + boxGeneration
                                + "; } }");
                        resetByCell.addAll(boxVariables.keySet());
                        boxVariables.keySet().forEach(b -> expected.put(b, null));
                        // Those declared earlier in this very cell are reset too.
                        for (String b : List.copyOf(assigned.keySet())) {
                            if (boxVariables.containsKey(b)) {
                                assigned.put(b, null);
                            }
                        }
                        boxVariables.clear();
                    }
                } else {
                    fails = true;
                    parts.add(random.nextBoolean() ? "int broken" + name + " = \"not a number\";"
                            : "Integer.parseInt(\"x" + number + "\");");
                }
            }
            String code = String.join(random.nextBoolean() ? "\n" : " ", parts);
            try {
                evaluator.eval(code);
                assertFalse(fails, "cell should have failed: " + code);
            } catch (EvaluationException e) {
                assertTrue(fails, "cell failed unexpectedly: " + code + "\n" + e.getMessage());
            }
            expected.putAll(assigned);
            String note = notes();
            for (String reset : resetByCell) {
                if (expected.containsKey(reset) && !assigned.containsKey(reset)) {
                    assertTrue(note.contains(reset + " (Box)"), "cell " + cell + " should name " + reset + ": " + note);
                }
            }
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                String v = e.getKey();
                boolean box = boxVariables.containsKey(v) || (e.getValue() == null);
                Object actual = box ? value(v + " == null ? null : " + v + ".v") : value(v);
                assertEquals(e.getValue(), actual, "after cell " + cell + " (seed " + seed + "): " + v + "\n" + code);
            }
        }
    }

    private static final String[] STAR_IMPORTS = {
        "java.util", "java.util.function", "java.time", "java.util.stream", "org.deepbrew.data.text",
        "org.deepbrew.nlp.bert", "ai.djl.ndarray", "org.deepbrew.train",
    };
}

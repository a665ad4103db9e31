package org.deepbrew.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicInterpreterTest {
    private final RecordingContext kernel = new RecordingContext();
    private final MagicInterpreter interpreter = MagicInterpreter.withBuiltins(kernel);

    @Test
    void cellWithoutMagicsGoesToTheEvaluatorUnchanged() throws Exception {
        String cell = "int x = 5 %\n 3;\nx";
        assertEquals("x", interpreter.run(cell));
        assertEquals(List.of(cell), kernel.evaluated);
    }

    @Test
    void codeAroundLineMagicsKeepsItsCellLineNumbers(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("a.jar"));
        String cell = "int a = 1;\n%classpath " + dir.resolve("a.jar") + "\n\na + 1";
        assertEquals("a + 1", interpreter.run(cell));
        assertEquals(2, kernel.evaluated.size());
        assertEquals("int a = 1;\n", kernel.evaluated.get(0));
        // "a + 1" is line 4 of the cell, so it must be line 4 of what the compiler sees.
        assertEquals("a + 1", kernel.evaluated.get(1).split("\n", -1)[3]);
        assertEquals(List.of(dir.resolve("a.jar")), kernel.classpath);
    }

    @Test
    void cellEndingInALineMagicHasNoValue() throws Exception {
        assertNull(interpreter.run("int a = 1;\n%lsmagic"));
        assertTrue(kernel.output().contains("%%time"), kernel.output());
    }

    @Test
    void unknownMagicNamesTheKnownOnes() {
        MagicException e = assertThrows(MagicException.class, () -> interpreter.run("%frobnicate now"));
        assertTrue(e.getMessage().contains("Unknown line magic %frobnicate"), e.getMessage());
        for (String known : List.of("%classpath", "%maven", "%load", "%engine", "%device", "%lsmagic", "%%time")) {
            assertTrue(e.getMessage().contains(known), () -> "lists " + known + ": " + e.getMessage());
        }
        assertTrue(kernel.evaluated.isEmpty(), "nothing runs after an unknown magic");
    }

    @Test
    void lineMagicUsedAsCellMagicGetsAHint() {
        MagicException e = assertThrows(MagicException.class, () -> interpreter.run("%%maven x:y:1\n1"));
        assertTrue(e.getMessage().contains("Did you mean %maven?"), e.getMessage());
        MagicException t = assertThrows(MagicException.class, () -> interpreter.run("%time\n1"));
        assertTrue(t.getMessage().contains("Did you mean %%time?"), t.getMessage());
    }

    @Test
    void cellMagicMustOpenTheCell() {
        MagicException e = assertThrows(MagicException.class, () -> interpreter.run("int a = 1;\n%%time\na"));
        assertTrue(e.getMessage().contains("must be the first line"), e.getMessage());
    }

    @Test
    void magicsBeforeCodeRunFirst(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("lib.jar"));
        RecordingContext[] self = new RecordingContext[1];
        RecordingContext ordered = new RecordingContext(code -> {
            assertFalse(self[0].classpath.isEmpty(), "the jar is added before the code that needs it runs");
            return "ok";
        });
        self[0] = ordered;
        assertEquals("ok", MagicInterpreter.withBuiltins(ordered).run("%classpath " + dir.resolve("lib.jar") + "\nnew Lib()"));
    }

    @Test
    void percentLinesInsideTextBlocksAndCommentsAreJava() throws Exception {
        String cell = "String template = \"\"\"\n    %s scored %d\n    \"\"\";\n/* notes\n%maven not:this:1\n*/\ntemplate";
        assertFalse(MagicInterpreter.hasMagics(cell));
        assertEquals("template", interpreter.run(cell));
        assertEquals(List.of(cell), kernel.evaluated, "the whole cell went to Java untouched");
        // After the text block closes, magic lines count again.
        String mixed = "String t = \"\"\"\n%s\n\"\"\"; String s = \"/* not a comment\";\n%lsmagic";
        assertTrue(MagicInterpreter.hasMagics(mixed));
        interpreter.run(mixed);
        assertTrue(kernel.output().contains("Line magics:"), kernel.output());
    }

    @Test
    void argumentsHonourQuotes() {
        assertEquals(List.of("a b", "c", "d\"e", "f g"), MagicArgs.split("  'a b' c \"d\\\"e\" \"f g\" "));
        assertEquals(List.of(), MagicArgs.split("   "));
        assertThrows(MagicException.class, () -> MagicArgs.split("'open"));
    }

    @Test
    void hasMagicsSpotsOnlyMagicLines() {
        assertTrue(MagicInterpreter.hasMagics("int a;\n  %load x.jsh"));
        assertTrue(MagicInterpreter.hasMagics("%%time\n1"));
        assertFalse(MagicInterpreter.hasMagics("int a = 7 % 3;\nString s = \"%d\";"));
        assertFalse(MagicInterpreter.hasMagics("a\n% 3"));
    }

    @Test
    void lsmagicDescribesEveryMagic() throws Exception {
        interpreter.run("%lsmagic");
        String out = kernel.output();
        assertTrue(out.startsWith("Line magics:"), out);
        assertTrue(out.contains("%maven group:artifact:version..."), out);
        assertTrue(out.contains("Cell magics:\n  %%time"), out);
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}

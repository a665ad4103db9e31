package org.deepbrew.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %classpath} and {@code %load}. */
class FileMagicsTest {
    private final RecordingContext kernel = new RecordingContext();
    private final MagicInterpreter interpreter = MagicInterpreter.withBuiltins(kernel);

    @Test
    void classpathExpandsGlobsAndFolders(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("b.jar"));
        Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        Files.createDirectories(dir.resolve("classes"));
        interpreter.run("%classpath " + dir + "/*.jar " + dir.resolve("classes"));
        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar"), dir.resolve("classes")), kernel.classpath);
        assertTrue(kernel.output().contains("Added to classpath: " + dir.resolve("a.jar")), kernel.output());
    }

    @Test
    void recursiveGlobFindsNestedJars(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("x/y"));
        Files.createFile(dir.resolve("x/y/deep.jar"));
        Files.createFile(dir.resolve("top.jar"));
        interpreter.run("%classpath \"" + dir + "/**.jar\"");
        assertEquals(List.of(dir.resolve("top.jar"), dir.resolve("x/y/deep.jar")), kernel.classpath.stream().sorted().toList());
    }

    @Test
    void classpathAddsEachEntryOnce(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("a.jar"));
        interpreter.run("%classpath " + dir.resolve("a.jar"));
        interpreter.run("%classpath " + dir.resolve("a.jar"));
        assertEquals(List.of(dir.resolve("a.jar")), kernel.classpath);
        assertTrue(kernel.output().contains("Already on classpath: " + dir.resolve("a.jar")), kernel.output());
    }

    @Test
    void classpathRejectsWhatDoesNotExist(@TempDir Path dir) {
        MagicException missing = assertThrows(MagicException.class,
                () -> interpreter.run("%classpath " + dir.resolve("nope.jar")));
        assertTrue(missing.getMessage().contains("nothing matches " + dir.resolve("nope.jar")), missing.getMessage());
        MagicException emptyGlob = assertThrows(MagicException.class, () -> interpreter.run("%classpath " + dir + "/*.jar"));
        assertTrue(emptyGlob.getMessage().contains("nothing matches"), emptyGlob.getMessage());
        MagicException none = assertThrows(MagicException.class, () -> interpreter.run("%classpath"));
        assertTrue(none.getMessage().startsWith("Usage: %classpath"), none.getMessage());
        assertTrue(kernel.classpath.isEmpty());
    }

    @Test
    void loadEvaluatesAJshFileThroughTheMagics(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("dep.jar"));
        Path script = MagicInterpreterTest.write(dir.resolve("setup.jsh"),
                "%classpath " + dir.resolve("dep.jar") + "\nString greet(String who) { return \"hi \" + who; }\ngreet(\"you\")\n");
        Object result = interpreter.run("%load " + script);
        assertEquals("greet(\"you\")", result, "the file's last value is the cell's value");
        assertEquals(List.of(dir.resolve("dep.jar")), kernel.classpath, "magics inside the file run too");
        assertTrue(kernel.output().contains("Loaded " + script), kernel.output());
        assertTrue(kernel.evaluated.get(0).contains("String greet(String who)"));
    }

    @Test
    void loadDropsThePackageOfAJavaFile(@TempDir Path dir) throws Exception {
        Path source = MagicInterpreterTest.write(dir.resolve("Point.java"),
                "package com.example.geo;\n\npublic record Point(int x, int y) {}\n");
        interpreter.run("%load " + source);
        String code = kernel.evaluated.get(0);
        assertTrue(!code.contains("package") && code.contains("public record Point(int x, int y) {}"), code);
        assertEquals(3, code.split("\n", -1).length - 1, "line numbers are kept");
    }

    @Test
    void loadSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        MagicException missing = assertThrows(MagicException.class, () -> interpreter.run("%load " + dir.resolve("gone.jsh")));
        assertTrue(missing.getMessage().contains("no such file " + dir.resolve("gone.jsh")), missing.getMessage());
        Path text = MagicInterpreterTest.write(dir.resolve("notes.txt"), "hello");
        MagicException kind = assertThrows(MagicException.class, () -> interpreter.run("%load " + text));
        assertTrue(kind.getMessage().contains(".jsh or .java"), kind.getMessage());
        assertTrue(kernel.evaluated.isEmpty());
    }
}

package org.deepbrew.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DisplayTest {
    @AfterEach
    void restoreConsole() {
        Display.setSink(null);
    }

    @Test
    void displayAndUpdateReachTheSinkUnderTheSameId() {
        RecordingSink sink = new RecordingSink();
        Display.setSink(sink);
        String id = Display.display(Display.markdown("**one**"));
        Display.updateDisplay(id, Display.markdown("**two**"));
        List<RecordingSink.Call> calls = sink.calls();
        assertEquals(2, calls.size());
        assertFalse(calls.get(0).update());
        assertEquals(id, calls.get(0).displayId());
        assertEquals("**one**", calls.get(0).bundle().get("text/markdown"));
        assertTrue(calls.get(1).update());
        assertEquals(id, calls.get(1).displayId());
        assertEquals("**two**", calls.get(1).bundle().get("text/markdown"));
    }

    @Test
    void displayIdsAreUniqueAndReadable() {
        Display.setSink(new RecordingSink());
        String a = Display.display("a");
        String b = Display.display("b");
        assertNotEquals(a, b);
        assertTrue(a.matches("display-[0-9a-f]{6}-\\d+"), a);
        assertTrue(Display.newDisplayId("progress bar").startsWith("progress-bar-"));
    }

    @Test
    void updateWithoutIdIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Display.updateDisplay(" ", "x"));
        assertTrue(e.getMessage().contains("display(...)"));
    }

    @Test
    void consoleSinkPrintsPlainTextAndIsTheDefault() {
        assertTrue(Display.sink() instanceof ConsoleSink);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Display.setSink(new ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        Display.display(Display.html("<b>bold</b> text"));
        assertEquals("bold text" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
        assertFalse(Display.sink().showsRichOutput());
    }
}

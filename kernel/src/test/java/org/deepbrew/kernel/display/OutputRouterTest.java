package org.deepbrew.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OutputRouterTest {
    private record Sent(OutputRouter.Stream stream, String text, Object parent) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final OutputRouter router = new OutputRouter((s, t, p) -> sent.add(new Sent(s, t, p)),
            new PrintStream(console, true), new PrintStream(console, true));

    private String text(OutputRouter.Stream stream) {
        StringBuilder sb = new StringBuilder();
        sent.stream().filter(s -> s.stream == stream).forEach(s -> sb.append(s.text));
        return sb.toString();
    }

    @Test
    void outputStreamsWhileTheCellRuns() throws Exception {
        router.beginCell("cell-1");
        router.stdout().println("epoch 1");
        Thread.sleep(OutputRouter.FLUSH_INTERVAL_MS * 4);
        assertEquals("epoch 1\n", text(OutputRouter.Stream.STDOUT), "sent before the cell ended");
        router.stderr().print("warn");
        router.endCell();
        assertEquals("warn", text(OutputRouter.Stream.STDERR));
        assertTrue(sent.stream().allMatch(s -> s.parent.equals("cell-1")));
    }

    @Test
    void laterOutputGoesToTheLastCellAndEarlierToTheConsole() {
        router.stdout().print("before");
        router.stdout().flush();
        assertEquals("before", console.toString(StandardCharsets.UTF_8));
        router.beginCell("a");
        router.endCell();
        router.stdout().print("from a background thread");
        router.flush();
        assertEquals("a", sent.get(sent.size() - 1).parent);
    }

    @Test
    void aFloodIsCappedWithOneNote() {
        router.beginCell("flood");
        long start = System.nanoTime();
        for (int i = 0; i < 300_000; i++) {
            router.stdout().println("line " + i);
        }
        router.endCell();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 5000, "300,000 lines took " + ms + " ms");
        String out = text(OutputRouter.Stream.STDOUT);
        assertEquals(OutputRouter.MAX_CELL_LINES, out.lines().count());
        assertTrue(out.endsWith("line 9999\n"), out.substring(out.length() - 20));
        String err = text(OutputRouter.Stream.STDERR);
        assertEquals(1, err.split("output truncated", -1).length - 1, err);
        assertTrue(err.contains("290,000 more lines"), err);
        router.beginCell("next");
        router.stdout().println("fine again");
        router.endCell();
        assertTrue(text(OutputRouter.Stream.STDOUT).endsWith("fine again\n"));
    }

    @Test
    void multiByteCharactersSplitAcrossWritesStayWhole() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, OutputRouter.completeUtf8Length(new byte[] {euro[0], euro[1]}));
        assertEquals(1, OutputRouter.completeUtf8Length(new byte[] {'a', euro[0]}));
        assertEquals(3, OutputRouter.completeUtf8Length(euro));
        router.beginCell("utf");
        router.stdout().write(euro, 0, 2);
        router.flush();
        router.stdout().write(euro, 2, 1);
        router.endCell();
        assertEquals("€", text(OutputRouter.Stream.STDOUT));
    }
}

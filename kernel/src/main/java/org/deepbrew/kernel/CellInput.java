package org.deepbrew.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's {@code System.in}. While a cell runs, reading it asks the cell's {@link LineSource}
 * for a line (the frontend's input box, when the request allows stdin); bytes of a line not read
 * by the end of the cell are dropped. Outside a cell there is nobody to ask, and reading fails.
 */
public final class CellInput extends InputStream {
    /** Where a cell's input lines come from. */
    @FunctionalInterface
    public interface LineSource {
        /** The next line, without its line break; may block until the user answers. */
        String readLine() throws IOException;
    }

    private LineSource source;
    private byte[] line = new byte[0];
    private int next;

    /** Input read from now on comes from {@code source}. */
    public synchronized void beginCell(LineSource cellSource) {
        source = cellSource;
        line = new byte[0];
        next = 0;
    }

    /** The cell ended: what it did not read is dropped, and reading fails until the next cell. */
    public synchronized void endCell() {
        source = null;
        line = new byte[0];
        next = 0;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[next++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - next);
        System.arraycopy(line, next, b, off, n);
        next += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - next;
    }

    /** Makes sure unread bytes are there; false at end of input. */
    private boolean fill() throws IOException {
        if (next < line.length) {
            return true;
        }
        if (source == null) {
            throw new IllegalStateException("System.in can only be read while a cell runs");
        }
        String text = source.readLine();
        if (text == null) {
            return false;
        }
        line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        next = 0;
        return true;
    }
}

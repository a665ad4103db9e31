package org.deepbrew.display;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The sink used when no Jupyter kernel is attached: prints each output's plain-text form.
 * Updates print a new line (a console cannot redraw earlier output), which is why progress bars
 * and live charts update rarely on this sink (see {@link #showsRichOutput()}).
 */
public final class ConsoleSink implements DisplaySink {
    private final PrintStream out;

    /** A sink printing to {@code System.out} as it is at each call (tests and kernels may swap it). */
    public ConsoleSink() {
        this.out = null;
    }

    /** A sink printing to {@code out}. */
    public ConsoleSink(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void display(MimeBundle bundle, String displayId) {
        print(bundle);
    }

    @Override
    public void update(MimeBundle bundle, String displayId) {
        print(bundle);
    }

    @Override
    public boolean showsRichOutput() {
        return false;
    }

    private void print(MimeBundle bundle) {
        PrintStream target = out != null ? out : System.out;
        target.println(bundle.plainText());
        target.flush();
    }
}

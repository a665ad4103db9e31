package org.deepbrew.display;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * plotly.js, bundled in the toolkit jar from npm's {@code plotly.js-dist-min} (pinned in
 * {@code toolkit/package-lock.json}), so interactive figures work with no network.
 *
 * <p>The library is inlined into the page once per kernel session, by the first figure shown
 * (see {@link PlotlyFigureRenderer}). The inlined script is guarded ({@code window.Plotly} already
 * set: nothing to do) and hides require.js's {@code define} while it runs: the classic notebook
 * page has require.js, and plotly's UMD bundle would otherwise register itself as an anonymous
 * AMD module and never set {@code window.Plotly}.
 */
public final class PlotlyLibrary {
    /** Where the build puts the library in the jar (see toolkit/pom.xml). */
    public static final String RESOURCE = "org/deepbrew/display/plotly.min.js";

    private static final PlotlyLibrary SHARED = new PlotlyLibrary(RESOURCE);

    private final String resource;
    private final AtomicBoolean sentThisSession = new AtomicBoolean();
    private volatile String source;

    PlotlyLibrary(String resource) {
        this.resource = resource;
    }

    /** The library the default figure renderer uses. */
    public static PlotlyLibrary shared() {
        return SHARED;
    }

    /**
     * Makes the next figure carry the library again, for example after clearing the output of
     * the cell that first carried it (a notebook saved then would draw no plots on reopening).
     */
    public static void includeAgain() {
        SHARED.sentThisSession.set(false);
    }

    /** Whether the library is in the jar. */
    public boolean available() {
        return load() != null;
    }

    /** Instructions shown in place of a plot when the library is missing from the build. */
    public static String missingMessage() {
        return "plotly.js is not bundled in this build of the DeepBrew toolkit, so interactive plots cannot be drawn. "
                + "Fix: run `npm ci` in toolkit/ (or `./deepbrew setup`), then rebuild with `mvn package`.";
    }

    /**
     * The script that defines {@code window.Plotly}, the first time it is asked for in this
     * session; afterwards an empty string.
     */
    String scriptOncePerSession() {
        String js = load();
        if (js == null || !sentThisSession.compareAndSet(false, true)) {
            return "";
        }
        // A literal "</script" would end the HTML script element early; escaped it means the same in JS.
        String safe = js.replace("</script", "<\\/script").replace("<!--", "<\\!--");
        return "<script type=\"text/javascript\">\n"
                + "/* plotly.js, inlined once per DeepBrew session */\n"
                + "(function () {\n"
                + "  if (window.Plotly) { return; }\n"
                + "  var amdDefine = window.define;\n"
                + "  window.define = undefined;\n"
                + "  try {\n"
                + safe + "\n"
                + "  } finally {\n"
                + "    window.define = amdDefine;\n"
                + "  }\n"
                + "}).call(window);\n"
                + "</script>\n";
    }

    private String load() {
        String s = source;
        if (s == null) {
            synchronized (this) {
                if (source == null) {
                    source = read(resource);
                }
                s = source;
            }
        }
        return s.isEmpty() ? null : s;
    }

    private static String read(String resource) {
        try (InputStream in = PlotlyLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

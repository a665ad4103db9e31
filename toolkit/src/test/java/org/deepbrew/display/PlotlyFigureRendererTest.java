package org.deepbrew.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

class PlotlyFigureRendererTest {
    private static Figure figure(String title) {
        ScatterTrace trace = ScatterTrace.builder(new double[] {1, 2, 3}, new double[] {4, 1, 9}).build();
        return new Figure(Layout.builder().title(title).build(), trace);
    }

    private static String divId(String html) {
        Matcher m = Pattern.compile("<div id=\"(plotly_[0-9a-f]{6}_\\d+)\"").matcher(html);
        assertTrue(m.find(), html.length() > 2000 ? html.substring(html.length() - 2000) : html);
        return m.group(1);
    }

    @Test
    void libraryIsInlinedOncePerSessionAndEachPlotHasItsOwnDivAndScript() {
        PlotlyLibrary library = new PlotlyLibrary(PlotlyLibrary.RESOURCE);
        assertTrue(library.available(), "plotly.min.js must be in the build: run npm ci in toolkit/");
        PlotlyFigureRenderer renderer = new PlotlyFigureRenderer(library);
        String first = (String) renderer.render(figure("first")).get("text/html");
        String second = (String) renderer.render(figure("second")).get("text/html");

        assertTrue(first.length() > 1_000_000, "first output carries plotly.js");
        assertTrue(first.contains("plotly.js v2."), "the library's own banner is inlined");
        assertTrue(first.contains("window.define = undefined"), "require.js' define is hidden while plotly.js loads");
        assertTrue(second.length() < 20_000, "later outputs do not repeat the library, got " + second.length());
        assertFalse(second.contains("plotly.js v2."));

        String a = divId(first);
        String b = divId(second);
        assertFalse(a.equals(b));
        for (String[] out : new String[][] {{first, a}, {second, b}}) {
            assertTrue(out[0].contains("document.getElementById('" + out[1] + "')"), "the script draws into its div");
            assertTrue(out[0].contains("Plotly.newPlot"));
            assertTrue(out[0].contains("if (!window.Plotly)"), "the plot waits for the library");
        }
        assertTrue(first.indexOf("plotly.js v2.") < first.indexOf("<div id=\"" + a), "library comes before the plot");
        assertEquals("Plotly figure: first (1 trace)", renderer.render(figure("first")).plainText());
    }

    @Test
    void inlinedLibraryCannotEndTheScriptElementEarly() {
        String html = (String) new PlotlyFigureRenderer(new PlotlyLibrary(PlotlyLibrary.RESOURCE))
                .render(figure("x")).get("text/html");
        int libraryEnd = html.indexOf("</script>");
        assertTrue(html.substring(0, libraryEnd).contains("window.define = amdDefine"),
                "the first </script> closes the library's script, after the whole library");
    }

    @Test
    void missingLibraryExplainsTheFix() {
        MimeBundle bundle = new PlotlyFigureRenderer(new PlotlyLibrary("org/deepbrew/display/absent.js"))
                .render(figure("x"));
        assertTrue(bundle.plainText().contains("npm ci"), bundle.plainText());
        assertTrue(((String) bundle.get("text/html")).contains("not bundled"));
        assertFalse(((String) bundle.get("text/html")).contains("Plotly.newPlot"));
    }

    @Test
    void figuresAreRenderedByTheRegistry() {
        assertTrue(Display.render(figure("registry")).has("text/html"));
    }
}

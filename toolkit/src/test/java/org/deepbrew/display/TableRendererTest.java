package org.deepbrew.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableRendererTest {
    private static Table numbers(int rows) {
        int[] ids = new int[rows];
        double[] squares = new double[rows];
        String[] names = new String[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i;
            squares[i] = i * 0.5;
            names[i] = "row" + i;
        }
        return Table.create("numbers", IntColumn.create("id", ids), DoubleColumn.create("half", squares),
                StringColumn.create("name", names));
    }

    private static int count(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void longTableShowsHeadTailEllipsisShapeAndTypes() {
        MimeBundle bundle = Display.render(numbers(1000));
        String html = (String) bundle.get("text/html");
        assertTrue(html.contains("1,000 rows × 3 columns"), html);
        assertTrue(html.contains("<th>id</th>") && html.contains(">integer<") && html.contains(">double<")
                && html.contains(">string<"), html);
        // 10 head rows + ellipsis row + 10 tail rows, plus two header rows.
        assertEquals(21 + 2, count(html, "<tr>"));
        assertTrue(html.contains(">row9<") && html.contains(">row990<") && html.contains(">row999<"), html);
        assertFalse(html.contains(">row10<") || html.contains(">row500<") || html.contains(">row989<"), html);
        assertTrue(html.contains("…"));
        String text = bundle.plainText();
        assertTrue(text.startsWith("numbers · 1,000 rows × 3 columns"), text);
        assertTrue(text.contains("row999") && !text.contains("row500"), text);
    }

    @Test
    void shortTableShowsEveryRowWithoutEllipsis() {
        String html = (String) Display.render(numbers(20)).get("text/html");
        assertEquals(20 + 2, count(html, "<tr>"));
        assertFalse(html.contains("…"));
        assertTrue(html.contains("20 rows × 3 columns"));
        assertTrue(Display.render(numbers(1)).plainText().contains("1 row × 3 columns"));
    }

    @Test
    void cellsAndNamesAreHtmlEscapedAndMissingValuesMarked() {
        Table t = Table.create("t", StringColumn.create("<b>col</b>", new String[] {"<script>alert(1)</script>", "a&b"}),
                DoubleColumn.create("x", new double[] {Double.NaN, 1}));
        String html = (String) Display.render(t).get("text/html");
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>col</b>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;b&gt;col&lt;/b&gt;") && html.contains("a&amp;b"), html);
        assertTrue(html.contains("<i style=\"color:#aaa\">·</i>"), html);
    }

    @Test
    void customRowLimitsAreRespected() {
        String html = (String) new TableRenderer(2, 1).render(numbers(50)).get("text/html");
        assertEquals(4 + 2, count(html, "<tr>"));
        assertTrue(html.contains(">row1<") && html.contains(">row49<") && !html.contains(">row2<"), html);
    }

    @Test
    void columnsRenderAsOneColumnTables() {
        String html = (String) Display.render(numbers(30).column("name")).get("text/html");
        assertTrue(html.contains("30 rows × 1 column"), html);
        assertTrue(html.contains("<th>name</th>") && html.contains(">row29<") && !html.contains(">row15<"), html);
    }
}

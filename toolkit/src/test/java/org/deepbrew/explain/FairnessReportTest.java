package org.deepbrew.explain;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FairnessReportTest {
    // Rows interleaved across groups on purpose. Per group, computed by hand below:
    //   A: target 1 1 0 0, scores .9 .6 .4 .7 -> flags 1 1 0 1
    //   B: target 1 1 0 0, scores .2 .4 .1 .6 -> flags 0 0 0 1
    //   C: target 1 0,     scores .7 .2       -> flags 1 0
    private static final List<String> GROUPS = List.of("A", "B", "C", "A", "B", "A", "B", "C", "A", "B");
    private static final double[] TARGET = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
    private static final double[] SCORES = {.9, .2, .7, .6, .4, .4, .1, .2, .7, .6};

    @Test
    void accuracyPerGroupByHand() {
        FairnessReport r = FairnessReport.of(ScoreMetric.accuracy(), GROUPS, TARGET, SCORES);
        assertEquals(List.of("A", "B", "C"), r.groups());
        assertEquals(0.75, r.value("A"), 1e-12); // right on 3 of 4
        assertEquals(0.25, r.value("B"), 1e-12); // right on 1 of 4
        assertEquals(1.0, r.value("C"), 1e-12);
        assertEquals(4, r.count("A"));
        assertEquals(2, r.count("C"));
        assertEquals("C", r.best());
        assertEquals("B", r.worst());
        assertEquals(0.75, r.gap(), 1e-12);
        assertEquals(0.25, r.ratio(), 1e-12);
        Table t = r.table();
        assertEquals(3, t.rowCount());
        assertEquals(0.25, t.doubleColumn("accuracy").get(1), 1e-12);
        assertEquals(3, r.plot().getSeriesMap().values().iterator().next().getXData().size());
    }

    @Test
    void paritySelectionAndOpportunityByHand() {
        FairnessReport sel = FairnessReport.of(ScoreMetric.selectionRate(), GROUPS, TARGET, SCORES);
        assertEquals(0.75, sel.value("A"), 1e-12);
        assertEquals(0.25, sel.value("B"), 1e-12);
        assertEquals(0.5, sel.value("C"), 1e-12);
        assertEquals(0.5, sel.gap(), 1e-12);
        assertEquals(1.0 / 3, sel.ratio(), 1e-12);
        FairnessReport tpr = FairnessReport.of(ScoreMetric.truePositiveRate(), GROUPS, TARGET, SCORES);
        assertEquals(1.0, tpr.value("A"), 1e-12);
        assertEquals(0.0, tpr.value("B"), 1e-12);
        assertEquals(1.0, tpr.gap(), 1e-12);
        assertEquals("B", tpr.worst());
    }

    @Test
    void lowerIsBetterMetricsPickTheSmallestAsBest() {
        // MAE: A (.1+.4+.4+.7)/4 = .4, B (.8+.6+.1+.6)/4 = .525, C (.3+.2)/2 = .25
        FairnessReport r = FairnessReport.of(ScoreMetric.meanAbsoluteError(), GROUPS, TARGET, SCORES);
        assertEquals(0.4, r.value("A"), 1e-12);
        assertEquals(0.525, r.value("B"), 1e-12);
        assertEquals("C", r.best());
        assertEquals("B", r.worst());
        assertEquals(0.275, r.gap(), 1e-12);
    }

    @Test
    void groupsFromATableColumnAndUndefinedGroups() {
        Table table = Table.create("people", StringColumn.create("region", GROUPS));
        FairnessReport r = FairnessReport.of(ScoreMetric.accuracy(), table, "region", TARGET, SCORES);
        assertEquals(0.75, r.gap(), 1e-12);

        // A group without positives has no true positive rate: reported as NaN, left out of the gap.
        List<String> g = new ArrayList<>(GROUPS);
        g.add("D");
        double[] t = java.util.Arrays.copyOf(TARGET, 11);
        double[] s = java.util.Arrays.copyOf(SCORES, 11);
        FairnessReport tpr = FairnessReport.of(ScoreMetric.truePositiveRate(), g, t, s);
        assertTrue(Double.isNaN(tpr.value("D")));
        assertEquals(1.0, tpr.gap(), 1e-12);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FairnessReport.of(ScoreMetric.auc(), g, t, s));
        assertTrue(e.getMessage().contains("group \"D\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FairnessReport.of(ScoreMetric.auc(), table, "sex", TARGET, SCORES));
        assertTrue(e.getMessage().contains("no group column \"sex\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FairnessReport.of(ScoreMetric.accuracy(), GROUPS, TARGET, new double[3]));
        assertTrue(e.getMessage().contains("got 10, 10 and 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.value("Z"));
    }
}

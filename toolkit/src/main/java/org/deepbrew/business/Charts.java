package org.deepbrew.business;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The one chart shape this package draws: lines on x-y axes, legend inside, the notebooks' size. */
final class Charts {
    private Charts() {}

    static XYChart xy(String title, String xTitle, String yTitle) {
        return new XYChartBuilder().width(640).height(420).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    }

    /** A line without markers (a curve with many points). */
    static XYSeries curve(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }
}

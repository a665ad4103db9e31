/**
 * Showing things in a notebook: the {@link org.deepbrew.display.Display} facade (display,
 * update in place, render), the {@link org.deepbrew.display.Renderers} registry that picks how a
 * value looks (tables, plots, charts, images, NDArrays, or text), and live outputs:
 * {@link org.deepbrew.display.ProgressMeter} and {@link org.deepbrew.display.LiveChart}.
 * {@link org.deepbrew.display.Plots} makes common charts in one line.
 *
 * <p>Outputs go to a {@link org.deepbrew.display.DisplaySink}: the Jupyter kernel's, or a
 * {@link org.deepbrew.display.ConsoleSink} printing plain text when there is no kernel.
 */
package org.deepbrew.display;

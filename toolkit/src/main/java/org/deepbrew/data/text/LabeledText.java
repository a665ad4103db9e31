package org.deepbrew.data.text;

/**
 * A piece of text with a class label (for sentiment: 0 negative, 1 positive).
 *
 * @param text the text
 * @param label the class index
 */
public record LabeledText(String text, int label) {}

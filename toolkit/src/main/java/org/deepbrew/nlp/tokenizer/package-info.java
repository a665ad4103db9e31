/** BERT's uncased WordPiece tokenizer, written in Java and read from a model's {@code tokenizer.json}. */
package org.deepbrew.nlp.tokenizer;

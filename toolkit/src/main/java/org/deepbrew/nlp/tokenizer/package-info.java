/**
 * BERT's uncased WordPiece tokenizer: Hugging Face's tokenizers library (through DJL) reads a
 * model's {@code tokenizer.json}; {@link org.deepbrew.nlp.tokenizer.BertTokenizer} adds the
 * truncation, pairing and padding BERT's inputs need.
 */
package org.deepbrew.nlp.tokenizer;

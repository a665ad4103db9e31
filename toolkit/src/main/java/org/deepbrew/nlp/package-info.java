/**
 * Natural-language processing on DJL: a WordPiece tokenizer ({@code nlp.tokenizer}), a BERT
 * encoder whose pretrained weights are imported from ONNX files ({@code nlp.bert},
 * {@code nlp.onnx}), fine-tuning, masked-language-model pretraining and a bag-of-words baseline;
 * sentence embeddings ({@link org.deepbrew.nlp.bert.SentenceEncoder}, or the TF-IDF baseline
 * {@link org.deepbrew.nlp.baseline.TfIdfEmbedding}) searched by cosine similarity
 * ({@link org.deepbrew.nlp.SemanticIndex}).
 */
package org.deepbrew.nlp;

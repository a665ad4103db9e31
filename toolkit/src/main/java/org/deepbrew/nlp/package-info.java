/**
 * Natural-language processing on DJL: a WordPiece tokenizer ({@code nlp.tokenizer}), a BERT
 * encoder whose pretrained weights are imported from ONNX files ({@code nlp.bert},
 * {@code nlp.onnx}), fine-tuning, masked-language-model pretraining and a bag-of-words baseline.
 */
package org.deepbrew.nlp;

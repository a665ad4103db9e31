/**
 * BERT on DJL: the encoder laid out like the original (post-LayerNorm), pretrained weights
 * imported from the ONNX files shipped in Maven artifacts, a classification head, fine-tuning,
 * masked-language-model pretraining and a {@code Predictor} for raw text.
 */
package org.deepbrew.nlp.bert;

/**
 * A small, dependency-free reader for ONNX model files: just enough of the protobuf wire format
 * to list a graph's nodes and to read its initializers (the weights).
 */
package org.deepbrew.nlp.onnx;

/**
 * Writing ONNX models from Java: a model builder ({@link org.deepbrew.deploy.onnx.OnnxModel}) that
 * encodes nodes, initializers and typed inputs/outputs as an ONNX file ONNX Runtime runs, and
 * dynamic int8 quantisation of its matrix products ({@link org.deepbrew.deploy.onnx.DynamicQuantizer}).
 */
package org.deepbrew.deploy.onnx;

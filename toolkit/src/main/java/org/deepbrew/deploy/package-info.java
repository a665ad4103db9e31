/**
 * Deployment: a model leaves the notebook. Export to ONNX, quantise, prune and distil it, serve it
 * over HTTP and load-test it; every variant is a {@link org.deepbrew.deploy.TextModel}.
 */
package org.deepbrew.deploy;

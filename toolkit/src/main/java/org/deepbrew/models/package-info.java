/**
 * Named model builders for the tutorials: the seeds' MLPs and CNN, LeNet and a small ResNet.
 * Each returns a fresh, uninitialised DJL {@link ai.djl.nn.Block}; the input shape is taken from
 * the data when training starts.
 */
package org.deepbrew.models;

/**
 * Which engine and device DeepBrew computes on: {@link org.deepbrew.engine.Devices} picks the
 * device (GPU where present, else CPU, overridable with {@code DEEPBREW_DEVICE}) and
 * {@link org.deepbrew.engine.EngineInfo} describes the engine for people.
 */
package org.deepbrew.engine;

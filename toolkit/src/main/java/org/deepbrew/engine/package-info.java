/**
 * Which engine and device DeepBrew computes on, and everything that differs per engine.
 * {@link org.deepbrew.engine.Devices} picks the device (GPU where present, else CPU, overridable
 * with {@code DEEPBREW_DEVICE}); {@link org.deepbrew.engine.EngineInfo} describes the engine for
 * people; {@link org.deepbrew.engine.EngineTuning} is the one interface training and data code use
 * for engine-specific work (compiled graphs, the parameter update, freeing memory safely). Its
 * MXNet implementation is the only code that knows MXNet's tricks.
 */
package org.deepbrew.engine;

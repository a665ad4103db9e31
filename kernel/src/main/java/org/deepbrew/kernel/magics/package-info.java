/**
 * Magic commands: lines starting with {@code %} and cells starting with {@code %%} that the kernel
 * runs itself instead of handing them to JShell. {@link org.deepbrew.kernel.magics.MagicInterpreter}
 * splits a cell into magic lines and Java code; {@link org.deepbrew.kernel.magics.BuiltinMagics}
 * registers {@code %classpath}, {@code %maven}, {@code %load}, {@code %%time}, {@code %engine},
 * {@code %device} and {@code %lsmagic}.
 */
package org.deepbrew.kernel.magics;

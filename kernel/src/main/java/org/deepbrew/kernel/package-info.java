/** The DeepBrew Jupyter kernel: Java evaluated with JShell in the kernel's own JVM. */
package org.deepbrew.kernel;

/** DeepBrew's toolkit: the helper APIs the tutorial notebooks use. */
package org.deepbrew;

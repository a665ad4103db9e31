/**
 * Reading R's data files without R: the serialization format ({@link org.deepbrew.data.rdata.RSerialization},
 * {@code .rds} files), an installed package's lazy-load database ({@link org.deepbrew.data.rdata.RLazyLoad},
 * {@code data/Rdata.rdb} + {@code .rdx}), a Java model of the values ({@link org.deepbrew.data.rdata.RValue}) and
 * the conversion of a data.frame to a Tablesaw table ({@link org.deepbrew.data.rdata.RDataFrames}).
 */
package org.deepbrew.data.rdata;

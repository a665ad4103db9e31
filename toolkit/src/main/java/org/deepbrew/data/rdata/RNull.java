package org.deepbrew.data.rdata;

/** R's {@code NULL}: no value, no attributes. */
public enum RNull implements RValue {
    /** The only instance. */
    NULL;

    @Override
    public RAttributes attributes() {
        return RAttributes.NONE;
    }

    @Override
    public String typeName() {
        return "NULL";
    }
}

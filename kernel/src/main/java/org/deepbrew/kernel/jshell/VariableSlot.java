package org.deepbrew.kernel.jshell;

import java.lang.reflect.Field;

/**
 * The static field of a JShell wrapper class that holds one variable's value. When JShell
 * recompiles a variable's snippet (for instance after an import), it loads a new wrapper class
 * whose field starts out empty; the evaluator reads the old slot and writes the new one.
 */
record VariableSlot(Field field) {

    Object get() {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }

    /** @return false when {@code value} no longer fits the field's type (its class was redefined) */
    boolean set(Object value) {
        if (value != null && !wrap(field.getType()).isInstance(value)) {
            return false;
        }
        try {
            field.set(null, value);
            return true;
        } catch (IllegalAccessException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }
}

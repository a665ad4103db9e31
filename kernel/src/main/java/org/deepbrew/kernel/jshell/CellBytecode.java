package org.deepbrew.kernel.jshell;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the bytecode of classes compiled from cells before they load (see {@link CellGuards}
 * for what the rewritten code calls), and tells whether two compilations of a class differ in
 * anything but debugging information.
 */
final class CellBytecode {
    private static final int API = Opcodes.ASM9;
    private static final String GUARDS = CellGuards.class.getName().replace('.', '/');

    private CellBytecode() {}

    /** The class with interrupt checks on loop back-edges and exits turned into exceptions. */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        // Passing the reader keeps the constant pool; no frames are recomputed: the inserted calls
        // take and leave nothing on the stack, and add no branch targets.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(API, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new GuardingMethod(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /**
     * True when {@code a} and {@code b} compile to the same class once line numbers, local
     * variable names and source file are set aside. JShell recompiles snippets after an import
     * (the wrapper's lines shift) and asks to redefine classes whose bytes changed only there.
     */
    static boolean sameCode(byte[] a, byte[] b) {
        return Arrays.equals(withoutDebugInfo(a), withoutDebugInfo(b));
    }

    private static byte[] withoutDebugInfo(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(writer, ClassReader.SKIP_DEBUG);
        return writer.toByteArray();
    }

    /** Adds the guards to one method. */
    private static final class GuardingMethod extends MethodVisitor {
        /** Labels already passed: a jump to one of them goes backwards, so it closes a loop. */
        private final Set<Label> seen = new HashSet<>();

        GuardingMethod(MethodVisitor next) {
            super(API, next);
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                checkInterrupt();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (seen.contains(dflt) || Arrays.stream(labels).anyMatch(seen::contains)) {
                checkInterrupt();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (seen.contains(dflt) || Arrays.stream(labels).anyMatch(seen::contains)) {
                checkInterrupt();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private void checkInterrupt() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, "checkInterrupt", "()V", false);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String guard = guardFor(opcode, owner, name, descriptor);
            if (guard != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, name, guard, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            // Method references such as System::exit reach the JDK through a handle, not a call.
            Object[] args = arguments.clone();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Handle h) {
                    args[i] = guarded(h);
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
        }

        private static Handle guarded(Handle h) {
            int opcode = switch (h.getTag()) {
                case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
                default -> -1;
            };
            String guard = opcode < 0 ? null : guardFor(opcode, h.getOwner(), h.getName(), h.getDesc());
            return guard == null ? h : new Handle(Opcodes.H_INVOKESTATIC, GUARDS, h.getName(), guard, false);
        }

        /** The descriptor of the {@link CellGuards} method that replaces this call, or null. */
        private static String guardFor(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit")) {
                return descriptor;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                    && (name.equals("exit") || name.equals("halt"))) {
                return "(Ljava/lang/Runtime;I)V";
            }
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/Thread") && name.equals("sleep")) {
                return descriptor;
            }
            return null;
        }
    }
}

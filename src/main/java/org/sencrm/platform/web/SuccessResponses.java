package org.sencrm.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What a controller method answers when it succeeds, read from its compiled code rather than
 * declared beside it: the {@link ResponseEntity} factories it calls ({@code created(uri)} → 201
 * with Location, {@code noContent()} → 204, {@code status(HttpStatus.CREATED)} or
 * {@code status(201)}, {@code ok()}), and whether it sets an ETag. A declaration could say 200
 * while the code answers 201; the code cannot. Calls into the controller's own private methods
 * and lambdas are followed. A status the reading cannot pin down (a variable) makes the answer
 * {@code unknown}: the method then declares its responses with {@code @ApiResponse}.
 */
record SuccessResponses(Set<Integer> statuses, boolean location, boolean etag, boolean unknown) {

	private static final String RESPONSE_ENTITY = Type.getInternalName(ResponseEntity.class);
	private static final String HTTP_STATUS = Type.getInternalName(HttpStatus.class);

	static SuccessResponses of(Method method) {
		var found = new Reading();
		if (ResponseEntity.class.isAssignableFrom(method.getReturnType())) {
			found.read(ClassUtils.getUserClass(method.getDeclaringClass()), method.getName(), Type.getMethodDescriptor(method));
		}
		if (found.statuses.isEmpty() && !found.unknown) {
			var declared = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(method, ResponseStatus.class);
			found.statuses.add(declared != null ? declared.code().value() : 200);
		}
		return new SuccessResponses(found.statuses, found.location, found.etag, found.unknown);
	}

	private static final class Reading {
		final Set<Integer> statuses = new TreeSet<>();
		boolean location;
		boolean etag;
		boolean unknown;

		void read(Class<?> type, String name, String descriptor) {
			var pending = new ArrayDeque<String>();
			var seen = new HashSet<String>();
			pending.add(name + descriptor);
			byte[] code;
			try (var in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class")) {
				code = in == null ? null : in.readAllBytes();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			if (code == null) {
				unknown = true;
				return;
			}
			var owner = Type.getInternalName(type);
			var reader = new ClassReader(code);
			while (!pending.isEmpty()) {
				var wanted = pending.poll();
				if (!seen.add(wanted)) {
					continue;
				}
				reader.accept(new ClassVisitor(Opcodes.ASM9) {
					@Override
					public MethodVisitor visitMethod(int access, String method, String desc, String signature, String[] exceptions) {
						return (method + desc).equals(wanted) ? new Calls(owner, pending) : null;
					}
				}, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			}
		}

		/** Looks at each call, remembering the constant pushed just before it (the status of {@code status(...)}). */
		private final class Calls extends MethodVisitor {
			private final String owner;
			private final ArrayDeque<String> pending;
			private Integer lastInt;
			private String lastStatus;

			Calls(String owner, ArrayDeque<String> pending) {
				super(Opcodes.ASM9);
				this.owner = owner;
				this.pending = pending;
			}

			@Override
			public void visitMethodInsn(int opcode, String callee, String name, String descriptor, boolean isInterface) {
				if (callee.equals(RESPONSE_ENTITY) && opcode == Opcodes.INVOKESTATIC) {
					switch (name) {
						case "ok", "of" -> statuses.add(200);
						case "created" -> {
							statuses.add(201);
							location = true;
						}
						case "accepted" -> statuses.add(202);
						case "noContent" -> statuses.add(204);
						case "status" -> status();
						default -> {
							// notFound(), badRequest()...: not a success
						}
					}
				} else if (callee.equals(RESPONSE_ENTITY) && name.equals("<init>") && descriptor.contains("HttpStatusCode")) {
					status();
				} else if (callee.startsWith(RESPONSE_ENTITY + "$")) {
					location |= name.equals("location");
					etag |= name.equals("eTag");
				} else if (callee.equals(owner)) {
					pending.add(name + descriptor);
				}
				clear();
			}

			private void status() {
				Integer code = lastInt != null ? lastInt : lastStatus != null ? HttpStatus.valueOf(lastStatus).value() : null;
				if (code == null) {
					unknown = true;
				} else if (code < 400) {
					statuses.add(code);
				}
			}

			@Override
			public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
				for (var argument : arguments) {
					if (argument instanceof Handle lambda && lambda.getOwner().equals(owner)) {
						pending.add(lambda.getName() + lambda.getDesc());
					}
				}
				clear();
			}

			@Override
			public void visitIntInsn(int opcode, int operand) {
				clear();
				if (opcode == Opcodes.SIPUSH || opcode == Opcodes.BIPUSH) {
					lastInt = operand;
				}
			}

			@Override
			public void visitLdcInsn(Object value) {
				clear();
				if (value instanceof Integer i) {
					lastInt = i;
				}
			}

			@Override
			public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
				clear();
				if (opcode == Opcodes.GETSTATIC && fieldOwner.equals(HTTP_STATUS)) {
					lastStatus = name;
				}
			}

			@Override
			public void visitInsn(int opcode) {
				clear();
			}

			@Override
			public void visitVarInsn(int opcode, int varIndex) {
				clear();
			}

			@Override
			public void visitTypeInsn(int opcode, String type) {
				clear();
			}

			private void clear() {
				lastInt = null;
				lastStatus = null;
			}
		}
	}
}

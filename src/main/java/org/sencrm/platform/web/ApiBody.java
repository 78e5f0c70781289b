package org.sencrm.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request body of an API operation, for the OpenAPI document. Controllers take
 * {@code Map<String, Object>} and read it with {@link RequestBodies} (so unknown fields are named
 * as errors and merge patches work); this names the record they read it into, which becomes the
 * body's schema. On a PATCH the document offers a {@code <Name>Patch} schema: the same fields,
 * all optional (a JSON merge patch). Parsing does not change: this is read only by the document.
 *
 * <pre>{@code
 * @PostMapping
 * @ApiBody(value = PersonDraft.class, required = "givenName")
 * ResponseEntity<PersonJson> create(@RequestBody Map<String, Object> body)
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiBody {

	/** The record the body is read into; left out, the type of the {@code @RequestBody} parameter itself. */
	Class<?> value() default void.class;

	/** The fields a POST or PUT must send (the service answers 422 without them); a PATCH never has to. */
	String[] required() default {};
}

package org.sencrm.platform.web;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Refuses two of our types under one schema name. The document names a schema by the simple name
 * of its class, so {@code PersonApi.PageJson} and {@code OrderApi.PageJson} would both be
 * {@code PageJson} and one would silently stand for the other (every list answering quotes). The
 * second one fails the document instead, naming both; give one {@code @Schema(name = "…")}.
 * (springdoc swallows exceptions thrown while it resolves a schema, so the clash is kept and
 * reported when the document is finished: {@link #failIfAny()}.)
 */
class SchemaNames implements ModelConverter {

	private static final String REF = "#/components/schemas/";
	private final Map<String, Class<?>> owners = new ConcurrentHashMap<>();
	private final Set<String> clashes = ConcurrentHashMap.newKeySet();

	@Override
	public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		var schema = chain.next().resolve(type, context, chain);
		if (schema == null || type.getType() == null) {
			return schema;
		}
		var raw = TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
		if (!raw.getName().startsWith("org.sencrm.")) {
			return schema;
		}
		var name = schema.get$ref() != null && schema.get$ref().startsWith(REF) ? schema.get$ref().substring(REF.length())
				: schema.getName();
		if (name != null) {
			var owner = owners.putIfAbsent(name, raw);
			if (owner != null && owner != raw) {
				clashes.add(name + " (" + owner.getName() + " and " + raw.getName() + ")");
			}
		}
		return schema;
	}

	void failIfAny() {
		if (!clashes.isEmpty()) {
			throw new IllegalStateException("Two types have one name in the OpenAPI document: " + new java.util.TreeSet<>(clashes)
					+ ". Give one of each pair @Schema(name = \"…\").");
		}
	}
}

package org.sencrm.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Merge Patch (RFC 7386): objects merge key by key, null removes, anything else replaces. */
public final class MergePatch {

	private MergePatch() {
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
		var result = new LinkedHashMap<>(target);
		patch.forEach((key, value) -> {
			if (value == null) {
				result.remove(key);
			} else if (value instanceof Map<?, ?> patchObject && result.get(key) instanceof Map<?, ?> targetObject) {
				result.put(key, apply((Map<String, Object>) targetObject, (Map<String, Object>) patchObject));
			} else {
				result.put(key, value);
			}
		});
		return result;
	}
}

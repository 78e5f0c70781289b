package org.sencrm.directory.export;

import org.sencrm.directory.listing.ListLinks;
import org.sencrm.identity.Access;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The Export button of every list (template {@code fragments/export :: button(kind)}): shown to the
 * roles with the export right only, and linking to the chooser with the list's filters as they are.
 */
@Component("exportLinks")
class ExportLinks {

	private final Access access;

	ExportLinks(Access access) {
		this.access = access;
	}

	public boolean allowed() {
		return access.mayExport();
	}

	/** {@code /persons/export/choose?<the list's filters>}, the page cursor left out. */
	public String chooser(String kind) {
		var params = new LinkedMultiValueMap<String, String>();
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			attributes.getRequest().getParameterMap().forEach((name, values) -> params.put(name, java.util.List.of(values)));
		}
		return ListLinks.withQuery("/" + kind + "/export/choose", ListLinks.filterQuery(ExportRequest.filterOf(params)));
	}
}

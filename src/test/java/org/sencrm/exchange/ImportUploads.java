package org.sencrm.exchange;

import java.util.Map;

import org.sencrm.support.Api;

/** A file sent to {@code POST /api/v1/imports} as a browser sends a form. */
final class ImportUploads {

	private ImportUploads() {
	}

	static Api.Response upload(Api api, String fileName, String content, Map<String, String> fields) {
		var boundary = "----sen" + System.nanoTime();
		var body = new StringBuilder();
		fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
				.append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
		body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
				.append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
		return api.send("POST", "/api/v1/imports", body.toString(), "multipart/form-data; boundary=" + boundary);
	}
}

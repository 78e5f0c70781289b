package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies over their limit are refused with 413 before the server reads them: the public web-form
 * intake and the token endpoint take 64 KB, other JSON 1 MB. The client here writes the request
 * itself on a socket, so it can announce 50 MB and see the answer come before it has sent them,
 * or send a body in chunks without any length.
 */
@IntegrationTest
class RequestSizeLimitsTest {

	private static final long FIFTY_MB = 50L * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void aFiftyMegabyteBodyToThePublicFormIntakeIsRefusedBeforeItIsRead() throws IOException {
		var answer = sendDeclared("/api/v1/public/forms/wf_anything", FIFTY_MB, "application/json", null, "en");

		assertThat(answer.status).isEqualTo(413);
		assertThat(answer.sentBytes).as("answered long before the body was sent").isLessThan(FIFTY_MB);
		assertThat(answer.contentType).startsWith("application/problem+json");
		assertThat(answer.problem.get("code").asString()).isEqualTo("error.body-too-large");
		assertThat(answer.problem.get("detail").asString()).contains("64 KB");
	}

	@Test
	void aFiftyMegabyteBodyToTheTokenEndpointIsRefusedInTheCallersLanguage() throws IOException {
		var answer = sendDeclared("/api/v1/auth/tokens", FIFTY_MB, "application/json", null, "vi");

		assertThat(answer.status).isEqualTo(413);
		assertThat(answer.sentBytes).isLessThan(FIFTY_MB);
		assertThat(answer.problem.get("detail").asString()).contains("quá lớn").contains("64 KB");
		assertThat(answer.problem.get("title").asString()).isEqualTo("Yêu cầu quá lớn");
	}

	@Test
	void aChunkedBodyWithoutLengthIsCountedAndRefusedAtTheLimit() throws IOException {
		var toPublic = sendChunked("/api/v1/public/forms/wf_anything", FIFTY_MB, null);
		var toTokens = sendChunked("/api/v1/auth/tokens", FIFTY_MB, null);

		assertThat(toPublic.status).isEqualTo(413);
		assertThat(toPublic.sentBytes).isLessThan(FIFTY_MB);
		assertThat(toPublic.problem.get("code").asString()).isEqualTo("error.body-too-large");
		assertThat(toTokens.status).isEqualTo(413);
		assertThat(toTokens.sentBytes).isLessThan(FIFTY_MB);
	}

	@Test
	void aTwoMegabyteJsonBodyToAnAuthenticatedEndpointIsRefused() throws IOException {
		var token = workspaces.create().member(Role.ADMIN).token();

		var declared = sendDeclared("/api/v1/persons", 2L * 1024 * 1024, "application/json", token, "en");
		var chunked = sendChunked("/api/v1/persons", 2L * 1024 * 1024, token);

		assertThat(declared.status).isEqualTo(413);
		assertThat(declared.problem.get("detail").asString()).contains("1,024 KB");
		assertThat(chunked.status).isEqualTo(413);
		assertThat(chunked.problem.get("code").asString()).isEqualTo("error.body-too-large");
	}

	@Test
	void aChunkedFormPostToThePublicIntakeMustDeclareItsLength() throws IOException {
		var answer = sendChunked("/api/v1/public/forms/wf_anything", 1024, null, "application/x-www-form-urlencoded");

		assertThat(answer.status).isEqualTo(411);
		assertThat(answer.problem.get("code").asString()).isEqualTo("error.length-required");
	}

	@Test
	void requestsWithinTheLimitsStillWork() {
		var admin = new Api(port, workspaces.create().member(Role.ADMIN).token());
		var padded = "{\"givenName\": \"An\", \"familyName\": \"Nguyễn\"" + " ".repeat(900_000) + "}";

		var created = admin.post("/api/v1/persons", padded);
		var token = new Api(port, null).post("/api/v1/auth/tokens", Map.of("email", "nobody@limits.test", "password", "wrong"));

		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(token.status()).as("read and checked, not refused for its size").isEqualTo(401);
	}

	record Answer(int status, String contentType, JsonNode problem, long sentBytes) {
	}

	/** Announces {@code length} bytes and sends them in pieces while watching for an early answer. */
	private Answer sendDeclared(String path, long length, String contentType, String token, String language) throws IOException {
		var head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
				+ "\r\nAccept-Language: " + language + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
		return exchange(head, length, false);
	}

	private Answer sendChunked(String path, long length, String token) throws IOException {
		return sendChunked(path, length, token, "application/json");
	}

	private Answer sendChunked(String path, long length, String token, String contentType) throws IOException {
		var head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
				+ "\r\nTransfer-Encoding: chunked\r\nAccept-Language: en\r\n"
				+ (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
		return exchange(head, length, true);
	}

	/**
	 * Writes the body on another thread (a JSON string of 'a's, made piece by piece, never whole in
	 * memory) and reads the answer here; the writer stops when the server answers or closes.
	 */
	private Answer exchange(String head, long length, boolean chunked) throws IOException {
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			var sent = new AtomicLong();
			var writer = Thread.ofVirtual().start(() -> {
				var piece = new byte[16 * 1024];
				Arrays.fill(piece, (byte) 'a');
				piece[0] = '"';
				try {
					while (sent.get() < length && !Thread.currentThread().isInterrupted()) {
						int n = (int) Math.min(piece.length, length - sent.get());
						if (chunked) {
							out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						}
						out.write(piece, 0, n);
						if (chunked) {
							out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
						}
						sent.addAndGet(n);
						piece[0] = 'a';
					}
					if (chunked) {
						out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.flush();
				} catch (IOException closedByServer) {
					// the server answered and closed the connection: exactly what is expected
				}
			});
			var answer = readResponse(socket.getInputStream());
			long sentWhenAnswered = sent.get();
			writer.interrupt();
			return new Answer(answer.status, answer.contentType, answer.problem, sentWhenAnswered);
		}
	}

	private static Answer readResponse(InputStream in) throws IOException {
		var headText = new StringBuilder();
		while (!headText.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			headText.append((char) b);
		}
		var lines = headText.toString().split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		String contentType = null;
		long contentLength = -1;
		boolean chunked = false;
		for (var line : lines) {
			var lower = line.toLowerCase();
			if (lower.startsWith("content-type:")) {
				contentType = line.substring(13).strip();
			} else if (lower.startsWith("content-length:")) {
				contentLength = Long.parseLong(line.substring(15).strip());
			} else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
		}
		byte[] body;
		if (chunked) {
			var collected = new java.io.ByteArrayOutputStream();
			while (true) {
				var size = new StringBuilder();
				int b;
				while ((b = in.read()) >= 0 && b != '\n') {
					if (b != '\r') {
						size.append((char) b);
					}
				}
				int n = Integer.parseInt(size.toString().strip(), 16);
				if (n == 0) {
					break;
				}
				collected.write(in.readNBytes(n));
				in.readNBytes(2);
			}
			body = collected.toByteArray();
		} else {
			body = contentLength >= 0 ? in.readNBytes((int) contentLength) : in.readAllBytes();
		}
		var text = new String(body, StandardCharsets.UTF_8);
		return new Answer(status, contentType, text.isBlank() ? null : JsonMapper.builder().build().readTree(text), 0);
	}
}

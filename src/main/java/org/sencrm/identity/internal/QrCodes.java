package org.sencrm.identity.internal;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** A QR code as an SVG image (one path of dark squares), drawn by ZXing; shown inline, never stored. */
final class QrCodes {

	private QrCodes() {
	}

	/** The QR code as a data: address for an img element (the pages' CSP allows data: images). */
	static String dataUri(String text) {
		return "data:image/svg+xml;base64," + java.util.Base64.getEncoder()
				.encodeToString(svg(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	static String svg(String text) {
		try {
			var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			var width = matrix.getWidth();
			var height = matrix.getHeight();
			var path = new StringBuilder();
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
					+ "\" width=\"200\" height=\"200\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
					+ "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
		} catch (WriterException e) {
			throw new IllegalStateException(e);
		}
	}
}

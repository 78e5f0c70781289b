package org.sencrm.analytics.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The CDNOW sample (src/test/resources/analytics/cdnow, see SOURCE.md there) as purchases and as published summaries. */
final class Cdnow {

	static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
	static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

	private Cdnow() {
	}

	/** Every transaction row, the customer named by its sample id without leading zeros ("1" … "2357"). */
	static List<Purchase> purchases() {
		var purchases = new ArrayList<Purchase>();
		for (var line : lines("CDNOW_sample.txt")) {
			var fields = line.trim().split("\\s+");
			if (fields.length < 5) {
				continue;
			}
			purchases.add(Purchase.of(String.valueOf(Integer.parseInt(fields[1])),
					LocalDate.parse(fields[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(fields[4])));
		}
		return purchases;
	}

	/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar (two decimals). */
	record PublishedSummary(String customer, int frequency, double recency, double age, double monetaryValue) {
	}

	static List<PublishedSummary> publishedSummaries() {
		var rows = new ArrayList<PublishedSummary>();
		for (var line : lines("cdnow_customers_summary_with_transactions.csv")) {
			if (line.isBlank() || line.startsWith("ID")) {
				continue;
			}
			var f = line.split(",");
			rows.add(new PublishedSummary(f[0].trim(), Integer.parseInt(f[1].trim()), Double.parseDouble(f[2]),
					Double.parseDouble(f[3]), Double.parseDouble(f[4])));
		}
		return rows;
	}

	/** cdnow_customers_summary.csv: ID, frequency, recency, T (two decimals). */
	static List<PublishedSummary> publishedFrequencies() {
		var rows = new ArrayList<PublishedSummary>();
		for (var line : lines("cdnow_customers_summary.csv")) {
			if (line.isBlank() || line.startsWith("ID")) {
				continue;
			}
			var f = line.split(",");
			rows.add(new PublishedSummary(f[0].trim(), Integer.parseInt(f[1].trim()), Double.parseDouble(f[2]),
					Double.parseDouble(f[3]), Double.NaN));
		}
		return rows;
	}

	private static List<String> lines(String file) {
		var stream = Objects.requireNonNull(Cdnow.class.getResourceAsStream("/analytics/cdnow/" + file), file);
		try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII))) {
			return reader.lines().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package org.sencrm.sales.quote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.web.Formats;
import org.sencrm.platform.web.Languages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A quote on paper: the same Thymeleaf template gives the printable page and, through
 * openhtmltopdf, the PDF. Always in the workspace's language (the customer reads it, not the
 * user), with amounts as that language writes them ("1.234.567 ₫"). The PDF embeds DejaVu Sans,
 * which has every Vietnamese letter.
 */
@Component
class QuotePrints {

	static final String FONT_FAMILY = "DejaVu Sans";
	private static final String FONT_FOLDER = "/net/sf/jasperreports/fonts/dejavu/";

	/** What the print template shows, every amount already formatted. */
	record Printed(String seller, String number, String customer, String issuedOn, String validUntil, String status,
			String currency, List<Line> lines, String subtotal, String discountTotal, String taxTotal, String total,
			List<Rate> rates, String notes) {
	}

	record Line(int position, String description, String sku, String unit, String quantity, String unitPrice,
			String discountPercent, String taxRate, boolean exempt, String net, String tax, String total) {
	}

	record Rate(String taxRate, boolean exempt, String net, String tax) {
	}

	private final ITemplateEngine templates;
	private final UserDirectory users;
	private final Formats formats;

	QuotePrints(ITemplateEngine templates, UserDirectory users, Formats formats) {
		this.templates = templates;
		this.users = users;
		this.formats = formats;
	}

	/** The printable page (HTML) in the workspace's language. */
	String html(Quote quote) {
		var seller = users.workspace().name();
		return inWorkspaceLanguage(locale -> templates.process("sales/quote-print",
				new Context(locale, Map.of("quote", printed(quote, seller), "fontFamily", FONT_FAMILY))));
	}

	/** Runs the work with the workspace's language as the current locale, so formats and messages follow it. */
	<T> T inWorkspaceLanguage(java.util.function.Function<Locale, T> work) {
		var language = users.workspace().defaultLanguage();
		var locale = Languages.supported(language) ? Locale.forLanguageTag(language) : Languages.SUPPORTED.getFirst();
		var previous = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(locale);
		try {
			return work.apply(locale);
		} finally {
			LocaleContextHolder.setLocale(previous);
		}
	}

	byte[] pdf(Quote quote) {
		var document = Jsoup.parse(html(quote));
		var out = new ByteArrayOutputStream();
		try {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.withW3cDocument(new W3CDom().fromJsoup(document), "/");
			builder.toStream(out);
			builder.run();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private Printed printed(Quote q, String seller) {
		var currency = q.currency();
		var lines = new java.util.ArrayList<Line>();
		for (int i = 0; i < q.lines().size(); i++) {
			var l = q.lines().get(i);
			lines.add(new Line(i + 1, l.description(), l.sku(), l.unit(), formats.number(l.quantity()),
					formats.money(l.unitPrice(), currency), formats.number(l.discountPercent()), l.taxRate().code(),
					l.taxRate().exempt(), formats.money(l.net(), currency), formats.money(l.tax(), currency),
					formats.money(l.total(), currency)));
		}
		var rates = org.sencrm.sales.pricing.Totals.byRate(q.lines()).entrySet().stream()
				.map(e -> new Rate(e.getKey(), e.getKey().equals(org.sencrm.sales.pricing.TaxRate.EXEMPT_CODE),
						formats.money(e.getValue()[0], currency), formats.money(e.getValue()[1], currency)))
				.toList();
		var t = q.totals();
		return new Printed(seller, q.number(), q.customerName(), formats.date(q.issuedOn()), formats.date(q.validUntil()),
				q.status(), currency, lines, formats.money(t.subtotal(), currency), formats.money(t.discountTotal(), currency),
				formats.money(t.taxTotal(), currency), formats.money(t.total(), currency), rates, q.notes());
	}

	private static InputStream font(String file) {
		var stream = QuotePrints.class.getResourceAsStream(FONT_FOLDER + file);
		if (stream == null) {
			throw new IllegalStateException("Font " + file + " is missing from the class path (jasperreports-fonts)");
		}
		return stream;
	}
}

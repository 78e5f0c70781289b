package org.sencrm.exchange.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableFileTest {

	@TempDir
	Path dir;

	@Test
	void aCsvFileSaysWhatShareOfItHasBeenReadForTheTimeLeft() throws IOException {
		var text = new StringBuilder("Name,Email\n");
		for (int i = 0; i < 40_000; i++) {
			text.append("Khách ").append(i).append(",khach").append(i).append("@example.vn\n");
		}
		try (var file = TableFile.open(write(text.toString().getBytes(StandardCharsets.UTF_8)), "csv", null)) {
			file.next();
			assertThat(file.shareRead()).isGreaterThan(0).isLessThan(0.5);
			while (file.next() != null) {
				// to the end
			}
			assertThat(file.shareRead()).isEqualTo(1.0);
		}
	}

	@Test
	void aCsvCellTheExportGuardedAgainstFormulasReadsAsTheValueItWas() throws IOException {
		var path = write("Name,Phone,Note\n'=Nguyễn,'+84901234567,'tis\n\"''=1\",'@x,'-1\n".getBytes(StandardCharsets.UTF_8));
		try (var file = TableFile.open(path, "csv", null)) {
			assertThat(file.next().cells()).containsExactly("=Nguyễn", "+84901234567", "'tis");
			assertThat(file.next().cells()).containsExactly("'=1", "@x", "-1");
		}
	}

	@Test
	void anExcelTextCellTheExportGuardedReadsAsTheValueItWas() throws IOException {
		var path = dir.resolve("guarded.xlsx");
		try (var out = Files.newOutputStream(path)) {
			var workbook = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
			var sheet = workbook.newWorksheet("Persons");
			var cells = java.util.List.of("Name", "Phone", "Note", "'=Lê", "'+84901234567", "'tis");
			for (int i = 0; i < cells.size(); i++) {
				sheet.inlineString(i / 3, i % 3, cells.get(i));
			}
			workbook.finish();
		}
		try (var file = TableFile.open(path, "xlsx", null)) {
			assertThat(file.next().cells()).containsExactly("=Lê", "+84901234567", "'tis");
		}
	}

	@Test
	void readsASemicolonSeparatedThunderbirdExport() throws Exception {
		try (var file = TableFile.open(resource("csv_semicolon.csv"), "csv", null)) {
			assertThat(file.header()).containsExactly("Display Name", "First Name", "Last Name", "Primary Email");
			var first = file.next();
			assertThat(first.number()).isEqualTo(2);
			assertThat(first.cells()).containsExactly("John Doe", "John", "Doe", "john@doe.invalid");
		}
	}

	@Test
	void readsUtf8WithAByteOrderMarkAndTabs() throws IOException {
		var path = write("\uFEFFHọ tên\tEmail\nNguyễn Văn An\tan@example.vn\n".getBytes(StandardCharsets.UTF_8));
		try (var file = TableFile.open(path, "csv", null)) {
			assertThat(file.header()).containsExactly("Họ tên", "Email");
			assertThat(file.next().cells()).containsExactly("Nguyễn Văn An", "an@example.vn");
			assertThat(file.encoding()).isEqualTo("utf-8");
		}
	}

	@Test
	void detectsWindows1258FromVietnameseBytes() throws IOException {
		// as Windows-1258 writes it: Đ, ă + combining dot below, i + dot below, ư, ơ
		var name = new byte[] {(byte) 0xd0, (byte) 0xe3, (byte) 0xf2, 'n', 'g', ' ', 'T', 'h', 'i', (byte) 0xf2, ' ', 'H',
				(byte) 0xfd, (byte) 0xf5, 'n', 'g'};
		var bytes = new java.io.ByteArrayOutputStream();
		bytes.writeBytes("Name,Email\n".getBytes(StandardCharsets.US_ASCII));
		bytes.writeBytes(name);
		bytes.writeBytes(",huong@example.vn\n".getBytes(StandardCharsets.US_ASCII));
		var path = write(bytes.toByteArray());
		try (var file = TableFile.open(path, "csv", null)) {
			assertThat(file.encoding()).isEqualTo("windows-1258");
			assertThat(file.next().cells().getFirst()).isEqualTo("Đặng Thị Hương");
		}
	}

	@Test
	void readsWindows1252WhenTheBytesAreWestern() throws IOException {
		var path = write("Name,City\nJosé Müller,Köln\n".getBytes(Charsets.WINDOWS_1252));
		try (var file = TableFile.open(path, "csv", null)) {
			assertThat(file.encoding()).isEqualTo("windows-1252");
			assertThat(file.next().cells()).containsExactly("José Müller", "Köln");
		}
	}

	@Test
	void numbersRowsAsASpreadsheetDoesEvenAcrossEmptyLinesAndQuotedLineBreaks() throws IOException {
		var path = write("Name,Note\nA,\"two\nlines\"\n\nB,x\n".getBytes(StandardCharsets.UTF_8));
		try (var file = TableFile.open(path, "csv", null)) {
			assertThat(file.next().number()).isEqualTo(2);
			var b = file.next();
			assertThat(b.cells().getFirst()).isEqualTo("B");
			assertThat(b.number()).isEqualTo(4);
		}
	}

	@Test
	void readsEveryCardOfAGmailExport() throws Exception {
		var names = new ArrayList<String>();
		try (var file = TableFile.open(resource("gmail-list.vcf"), "vcf", null)) {
			for (var row = file.next(); row != null; row = file.next()) {
				names.add(row.cell(0));
			}
			assertThat(file.header()).contains("Full name", "Email", "Phone");
		}
		assertThat(names).hasSize(3).contains("Arnold Smith", "Chris Beatle");
	}

	@Test
	void readsAndroidCardsInQuotedPrintableUtf8WithTheirPhones() throws Exception {
		var rows = new ArrayList<TableFile.Row>();
		try (var file = TableFile.open(resource("John_Doe_ANDROID.vcf"), "vcf", null)) {
			for (var row = file.next(); row != null; row = file.next()) {
				rows.add(row);
			}
		}
		assertThat(rows.getFirst().number()).isEqualTo(1);
		assertThat(rows.getFirst().cell(4)).isEqualTo("john.doe@company.com");
		assertThat(rows).anySatisfy(row -> {
			assertThat(row.cell(0)).startsWith("Ñ Ñ");
			assertThat(row.cell(7)).isEqualTo("123456789");
		});
	}

	private Path write(byte[] bytes) throws IOException {
		var path = dir.resolve("file.csv");
		Files.write(path, bytes);
		return path;
	}

	private static Path resource(String name) throws URISyntaxException {
		return Path.of(TableFileTest.class.getResource("/exchange/" + name).toURI());
	}
}

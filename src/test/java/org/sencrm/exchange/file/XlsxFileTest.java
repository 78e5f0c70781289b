package org.sencrm.exchange.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Excel sheet as a spreadsheet numbers and shows it: whole numbers stay whole, dates read as dates. */
class XlsxFileTest {

	@TempDir
	Path dir;

	@Test
	void readsTextNumbersAndDatesOfTheFirstSheetWithTheirRowNumbers() throws IOException {
		var file = workbook("""
				<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="B1" t="inlineStr"><is><t>Điện thoại</t></is></c>\
				<c r="C1" t="inlineStr"><is><t>Ngày sinh</t></is></c></row>
				<row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="B2"><v>84901234567</v></c>\
				<c r="C2" s="1"><v>33025</v></c></row>
				<row r="4"><c r="A4" t="inlineStr"><is><t>Lê Hoa</t></is></c><c r="B4"><v>1.5E3</v></c></row>""");

		try (var table = TableFile.open(file, "xlsx", null)) {
			assertThat(table.header()).containsExactly("Họ và tên", "Điện thoại", "Ngày sinh");
			var an = table.next();
			assertThat(an.number()).isEqualTo(2);
			assertThat(an.cells()).containsExactly("Nguyễn Văn An", "84901234567", "1990-06-01");
			var hoa = table.next();
			assertThat(hoa.number()).isEqualTo(4);
			assertThat(hoa.cell(1)).isEqualTo("1500");
			assertThat(table.next()).isNull();
		}
	}

	private Path workbook(String rows) throws IOException {
		var parts = Map.of(
				"[Content_Types].xml", """
						<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
						<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
						<Default Extension="xml" ContentType="application/xml"/>\
						<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
						<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
						<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
						</Types>""",
				"_rels/.rels", """
						<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
						</Relationships>""",
				"xl/workbook.xml", """
						<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
						xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
						<sheets><sheet name="Khách hàng" sheetId="1" r:id="rId1"/></sheets></workbook>""",
				"xl/_rels/workbook.xml.rels", """
						<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
						<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
						</Relationships>""",
				"xl/styles.xml", """
						<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
						<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>""",
				"xl/worksheets/sheet1.xml", """
						<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
						<sheetData>%s</sheetData></worksheet>""".formatted(rows));
		var file = dir.resolve("khach.xlsx");
		try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (var part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return file;
	}
}

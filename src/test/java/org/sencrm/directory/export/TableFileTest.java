package org.sencrm.directory.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;

/** The files an export writes, cell by cell: text as the import reads it, never a formula. */
class TableFileTest {

	@Test
	void aCsvStartsWithAByteOrderMarkAndGuardsEveryTextCell() {
		var out = new ByteArrayOutputStream();
		try (var file = TableFile.of(ExportFormat.CSV, "persons", List.of("name", "emails", "addresses", "total"), out)) {
			file.row(List.of("=1+1", List.of(new EmailAddress("a@x.vn", null, true), new EmailAddress("b@x.vn", null, false)),
					List.of(new Address(null, "1 Lê Lợi", null, null, "Quận 1", "TP HCM", null, null, "VN"),
							new Address(null, "2 Hàng Bài", null, null, null, "Hà Nội", null, null, "VN")),
					new BigDecimal("-12.50")));
		}

		var text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFname,emails,addresses,total\r\n");
		assertThat(text).contains("'=1+1,a@x.vn; b@x.vn,\"1 Lê Lợi, Quận 1, TP HCM, VN | 2 Hàng Bài, Hà Nội, VN\",'-12.50");
	}

	@Test
	void excelWritesTextAsTextCellsAmountsAsNumbersAndContinuesOnANewSheetWhenOneIsFull() throws IOException {
		var out = new ByteArrayOutputStream();
		try (var file = new TableFile.Xlsx(out, "orders", List.of("number", "total", "orderedAt"), 3)) {
			for (int i = 1; i <= 4; i++) {
				file.row(List.of(i == 1 ? "@SUM(A1)" : "DH-" + i, new BigDecimal(i * 1000), LocalDate.of(2026, 1, i)));
			}
		}

		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheets = workbook.getSheets().toList();
			assertThat(sheets).extracting(s -> s.getName()).containsExactly("orders", "orders (2)");
			var first = new ArrayList<org.dhatim.fastexcel.reader.Row>();
			try (var rows = sheets.get(0).openStream()) {
				rows.forEach(first::add);
			}
			assertThat(first).hasSize(3);
			assertThat(first.get(1).getCell(0).getType()).isEqualTo(CellType.STRING);
			assertThat(first.get(1).getCellText(0)).isEqualTo("'@SUM(A1)");
			assertThat(first.get(1).getCell(1).getType()).isEqualTo(CellType.NUMBER);
			assertThat(first.get(1).getCellText(2)).isEqualTo("2026-01-01");
			try (var rows = sheets.get(1).openStream()) {
				var second = rows.toList();
				assertThat(second).hasSize(3);
				assertThat(second.get(0).getCellText(0)).as("the header again").isEqualTo("number");
				assertThat(second.get(2).getCellText(0)).isEqualTo("DH-4");
			}
		}
	}
}

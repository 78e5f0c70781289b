package org.sencrm.directory.export;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/** The parameters every list export takes besides the list's filters, as the API documentation shows them. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = "format", in = ParameterIn.QUERY, description = "csv (default), xlsx, or vcf (persons only)",
		schema = @Schema(type = "string", allowableValues = {"csv", "xlsx", "vcf"}))
@Parameter(name = "columns", in = ParameterIn.QUERY,
		description = "The columns in their order, comma-separated field names (customFields.<key> for a custom field); none for the defaults",
		schema = @Schema(type = "string"))
public @interface ExportParameters {

	String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

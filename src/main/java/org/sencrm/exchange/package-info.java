/**
 * Exchange: a company's customer base in and out. Imports read a CSV, Excel (.xlsx) or vCard file
 * in the background, map its columns to fields by their Vietnamese or English names, check and
 * normalise every row while streaming, copy the rows into a staging table and write them set-based,
 * report every failed row, and can be undone for 7 days (decision 30). The modules whose records are
 * imported declare them as {@link org.sencrm.exchange.ImportKind} beans (directory: persons,
 * organizations; sales: leads, products, orders), as they declare trashable kinds; the engine knows no table of theirs.
 * Other modules hear {@link org.sencrm.exchange.ImportFinished}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "trash"})
package org.sencrm.exchange;

package org.sencrm.directory;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Merging customers (decision 33): every record that belongs to a merged-away person or
 * organization moves to the survivor. The directory cannot know the tables of the modules built on
 * it, so each module declares its links as a {@link Holder} bean; the merge moves each link's rows
 * in one statement and remembers where every row pointed before, so a merge can be undone.
 */
public final class Merges {

	private Merges() {
	}

	/** A module's links to customers. */
	public interface Holder {

		List<Link> links();
	}

	/**
	 * One column that points at a customer.
	 *
	 * @param customerType {@code person} or {@code organization}
	 * @param table        the table (with {@code workspace_id})
	 * @param column       the column holding the customer's id
	 * @param key          a column that identifies the row together with {@code column} ({@code id}, or the other side of a link table)
	 * @param uniqueWith   a column that must not repeat for one customer (a link table's other side), or null: a row whose
	 *                     value the survivor already has stays with the merged-away record (and goes to the trash with it)
	 */
	public record Link(String customerType, String table, String column, String key, String uniqueWith) {

		private static final Pattern NAME = Pattern.compile("[a-z_]+");

		public Link {
			if (!List.of("person", "organization").contains(customerType)) {
				throw new IllegalArgumentException("Not a customer type: " + customerType);
			}
			for (var name : new String[] {table, column, key}) {
				if (!NAME.matcher(name).matches()) {
					throw new IllegalArgumentException("Not a name: " + name);
				}
			}
			if (uniqueWith != null && !NAME.matcher(uniqueWith).matches()) {
				throw new IllegalArgumentException("Not a name: " + uniqueWith);
			}
		}

		public static Link of(String customerType, String table, String column) {
			return new Link(customerType, table, column, "id", null);
		}

		public Link uniqueWith(String otherColumn) {
			return new Link(customerType, table, column, key, otherColumn);
		}

		public Link keyedBy(String keyColumn) {
			return new Link(customerType, table, column, keyColumn, uniqueWith);
		}
	}
}

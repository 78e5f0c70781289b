package org.sencrm.sales.order;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.exchange.ImportCounts;
import org.sencrm.exchange.ImportField;
import org.sencrm.exchange.ImportKind;
import org.sencrm.exchange.ImportOptions;
import org.sencrm.exchange.ImportRun;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.trash.Trash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Order history as an importable kind (decision 30): one row per order — the customer's external id
 * (a person's, else an organization's), the order date, number, total, currency and status — so that
 * customer value can be computed from a company's past from day one. Imported orders are history:
 * they send no email and publish no {@code OrderPlaced} and no timeline entry; the customers' lifecycle
 * stages are raised once, set-based, at the end ({@link LifecycleStages}' ladder, through
 * {@code directory.Customers}). Orders are matched by external id or number; a matched row is skipped
 * (imported orders are not updated).
 */
@Component
class OrderImportKind implements ImportKind {

	private static final Map<String, String> STAGING = staging();
	private static final Map<String, String> STATUSES = statuses();

	private final JdbcClient jdbc;
	private final UserDirectory users;
	private final Customers customers;
	private final Trash trash;

	OrderImportKind(JdbcClient jdbc, UserDirectory users, Customers customers, Trash trash) {
		this.jdbc = jdbc;
		this.users = users;
		this.customers = customers;
		this.trash = trash;
	}

	@Override
	public String type() {
		return "orders";
	}

	@Override
	public String entityType() {
		return "order";
	}

	@Override
	public List<ImportField> fields() {
		return List.of(
				ImportField.of("externalId", "Mã đơn ngoài", "Order ID", "External ID"),
				ImportField.of("number", "Số đơn", "Số đơn hàng", "Mã đơn", "Mã đơn hàng", "Order number", "Number").asRequired(),
				ImportField.of("customerExternalId", "Mã KH", "Mã khách hàng", "Customer ID", "Customer external ID").asRequired(),
				ImportField.of("orderedAt", "Ngày đặt", "Ngày đặt hàng", "Ngày", "Order date", "Date", "Ordered at").asRequired(),
				ImportField.of("total", "Tổng tiền", "Thành tiền", "Tổng cộng", "Total", "Amount").asRequired(),
				ImportField.of("currency", "Tiền tệ", "Loại tiền", "Currency"),
				ImportField.of("status", "Trạng thái", "Status"));
	}

	@Override
	public Set<ImportOptions.MatchKey> matchKeys() {
		return Set.of(ImportOptions.MatchKey.EXTERNAL_ID);
	}

	@Override
	public Map<String, String> stagingColumns() {
		return STAGING;
	}

	private static Map<String, String> staging() {
		var c = new LinkedHashMap<String, String>();
		c.put("external_id", "text");
		c.put("number", "text");
		c.put("customer_external_id", "text");
		c.put("ordered_on", "date");
		c.put("total", "numeric(19, 4)");
		c.put("currency", "text");
		c.put("status", "text");
		c.put("person_id", "uuid");
		c.put("organization_id", "uuid");
		return java.util.Collections.unmodifiableMap(c);
	}

	private static Map<String, String> statuses() {
		var s = new HashMap<String, String>();
		for (var key : List.of("confirmed", "delivered", "paid", "cancelled")) {
			s.put(key, key);
		}
		s.put("da xac nhan", "confirmed");
		s.put("xac nhan", "confirmed");
		s.put("da giao", "delivered");
		s.put("da giao hang", "delivered");
		s.put("da thanh toan", "paid");
		s.put("hoan thanh", "paid");
		s.put("completed", "paid");
		s.put("da huy", "cancelled");
		s.put("huy", "cancelled");
		s.put("canceled", "cancelled");
		return s;
	}

	@Override
	public Stager stager() {
		var currency = users.workspace().currency();
		return (row, problems) -> {
			var number = row.get("number");
			if (number == null) {
				problems.add("number", "validation.required");
			} else if (number.length() > 50) {
				problems.add("number", "validation.too-long");
			}
			var customer = row.get("customerExternalId");
			if (customer == null) {
				problems.add("customerExternalId", "validation.required");
			}
			LocalDate orderedOn = null;
			if (row.get("orderedAt") == null) {
				problems.add("orderedAt", "validation.required");
			} else {
				orderedOn = org.sencrm.exchange.ImportDates.parse(row.get("orderedAt"));
				if (orderedOn == null) {
					problems.add("orderedAt", "validation.date");
				}
			}
			BigDecimal total = null;
			if (row.get("total") == null) {
				problems.add("total", "validation.required");
			} else {
				total = org.sencrm.exchange.ImportNumbers.parse(row.get("total"));
				if (total == null || total.signum() < 0) {
					problems.add("total", "validation.number");
				}
			}
			var code = row.get("currency") == null ? currency : row.get("currency").strip().toUpperCase(Locale.ROOT);
			if (!code.matches("[A-Z]{3}")) {
				problems.add("currency", "validation.choice");
			}
			var status = row.get("status") == null ? "paid" : STATUSES.get(SearchText.fold(row.get("status")));
			if (status == null) {
				problems.add("status", "validation.choice");
			}
			var externalId = row.get("externalId");
			if (externalId != null && externalId.length() > 200) {
				problems.add("externalId", "validation.too-long");
			}
			if (!problems.isEmpty()) {
				return Map.of();
			}
			var values = new HashMap<String, Object>();
			values.put("external_id", externalId);
			values.put("number", number);
			values.put("customer_external_id", customer);
			values.put("ordered_on", orderedOn);
			values.put("total", total.toPlainString());
			values.put("currency", code);
			values.put("status", status);
			return values;
		};
	}

	@Override
	public ImportCounts apply(ImportRun run) {
		var zone = users.workspace().timeZone();
		jdbc.sql("""
				update import_staging s set person_id = p.id from persons p
				where p.workspace_id = sen_workspace() and p.external_id = s.customer_external_id""").update();
		jdbc.sql("""
				update import_staging s set organization_id = o.id from organizations o
				where s.person_id is null and o.workspace_id = sen_workspace() and o.external_id = s.customer_external_id""").update();
		run.fail("select row_number, null::uuid as record_id, null::int as other_row from import_staging "
				+ "where person_id is null and organization_id is null", Map.of(), "customerExternalId", "import.customer-unknown");
		if (run.options().matches(ImportOptions.MatchKey.EXTERNAL_ID)) {
			jdbc.sql("""
					update import_staging s set match_id = o.id from orders o
					where o.workspace_id = sen_workspace() and o.external_id = s.external_id""").update();
		}
		int skipped = jdbc.sql("delete from import_staging where match_id is not null").update();
		jdbc.sql("analyze import_staging").update(); // customers found: the planner must know
		run.fail("""
				select s.row_number, o.id as record_id, null::int as other_row from import_staging s
				join orders o on o.workspace_id = sen_workspace() and o.number = s.number""", Map.of(), "number", "duplicate");
		run.fail("""
				select s.row_number, o.id as record_id, null::int as other_row from import_staging s
				join orders o on o.workspace_id = sen_workspace() and o.external_id = s.external_id""", Map.of(), "externalId",
				"duplicate");
		for (var column : List.of("number", "external_id")) {
			run.fail("""
					select s.row_number, null::uuid as record_id, f.first_row as other_row from import_staging s
					join (select %1$s as key, min(row_number) as first_row from import_staging where %1$s is not null group by %1$s) f
					  on f.key = s.%1$s and s.row_number > f.first_row""".formatted(column), Map.of(),
					column.equals("number") ? "number" : "externalId", "duplicate");
		}
		if (run.options().onNoMatch() == ImportOptions.OnNoMatch.SKIP) {
			skipped += jdbc.sql("delete from import_staging").update();
			return new ImportCounts(0, 0, skipped);
		}
		var scope = WorkspaceContext.current();
		var params = Map.<String, Object>of("now", Timestamp.from(run.now()), "owner", run.actorId(), "job", run.jobId(),
				"zone", ZoneId.of(zone).getId(), "actorName", scope.actorName() == null ? "" : scope.actorName());
		// the customer's name as orders keep it; persons in their own name order (decision 24)
		int created = jdbc.sql("""
				insert into orders (id, workspace_id, number, person_id, organization_id, customer_name, currency, status, ordered_on,
				  subtotal, discount_total, tax_total, total, paid_amount, placed_at, delivered_at, paid_at, cancelled_at,
				  owner_id, created_at, updated_at, version, external_id)
				select s.new_id, sen_workspace(), s.number, s.person_id, s.organization_id,
				  coalesce(case when p.name_order = 'family_first' then concat_ws(' ', p.family_name, p.middle_name, p.given_name)
				                else concat_ws(' ', p.given_name, p.middle_name, p.family_name) end, o.name),
				  s.currency, s.status, s.ordered_on, s.total, 0, 0, s.total,
				  case when s.status = 'paid' then s.total else 0 end,
				  s.ordered_on::timestamp at time zone :zone,
				  case when s.status in ('delivered', 'paid') then s.ordered_on::timestamp at time zone :zone end,
				  case when s.status = 'paid' then s.ordered_on::timestamp at time zone :zone end,
				  case when s.status = 'cancelled' then s.ordered_on::timestamp at time zone :zone end,
				  :owner, :now, :now, 0, s.external_id
				from import_staging s
				left join persons p on p.id = s.person_id
				left join organizations o on o.id = s.organization_id
				order by s.row_number""").params(params).update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'order', new_id, 'created', :owner, :actorName, :now,
				  jsonb_strip_nulls(jsonb_build_object('number', jsonb_build_object('to', number),
				    'status', jsonb_build_object('to', status), 'total', jsonb_build_object('to', total::text),
				    'currency', jsonb_build_object('to', currency), 'orderedOn', jsonb_build_object('to', ordered_on::text),
				    'externalId', case when external_id is not null then jsonb_build_object('to', external_id) end))
				from import_staging""").params(params).update();
		jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action)
				select :job, sen_workspace(), 'order', new_id, 'created' from import_staging""").params(params).update();
		raiseStages(run);
		return new ImportCounts(created, 0, skipped);
	}

	/** Each customer of the imported orders, counted once from all their orders, raised on the ladder in one statement per kind. */
	private void raiseStages(ImportRun run) {
		var yearAgo = Timestamp.from(run.now().atOffset(java.time.ZoneOffset.UTC).minusMonths(12).toInstant());
		for (var kind : List.of(Customers.Kind.ORGANIZATION, Customers.Kind.PERSON)) {
			var column = kind == Customers.Kind.PERSON ? "person_id" : "organization_id";
			var stages = new HashMap<UUID, String>();
			jdbc.sql("""
					select o.%1$s as id, count(*) as orders, count(*) filter (where o.placed_at >= :yearAgo) as recent
					from orders o where o.workspace_id = sen_workspace() and o.status in ('confirmed', 'delivered', 'paid')
					  and o.%1$s in (select distinct %1$s from import_staging where %1$s is not null)
					group by o.%1$s""".formatted(column))
					.param("yearAgo", yearAgo)
					.query((rs, n) -> stages.put(rs.getObject("id", UUID.class),
							LifecycleStages.of(rs.getLong("orders"), rs.getLong("recent"))))
					.list();
			stages.values().removeIf(java.util.Objects::isNull);
			customers.raiseLifecycleStages(kind, stages);
		}
	}

	@Override
	public int undo(ImportRun run) {
		var created = jdbc.sql("select entity_id from import_changes where job_id = :job and action = 'created'")
				.param("job", run.jobId()).query(UUID.class).list();
		// each its own trash entry, set-based (decision 36); deleted since or holding someone else's work: left as it is
		return trash.moveAllToTrash("order", created);
	}
}

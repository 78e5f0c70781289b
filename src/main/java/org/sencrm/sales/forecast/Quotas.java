package org.sencrm.sales.forecast;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.Amounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales quotas: an amount per user per month in one currency; a quarter's quota is the sum of its
 * months. Administrators and managers set them; everyone who sees the forecast sees them.
 */
@Service
public class Quotas {

	public record Quota(UUID userId, YearMonth month, BigDecimal amount, String currency) {
	}

	private final JdbcClient jdbc;
	private final Access access;
	private final UserDirectory users;

	Quotas(JdbcClient jdbc, Access access, UserDirectory users) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
	}

	/**
	 * Sets one user's quota for each month of {@code period} (a quarter's amount is split evenly
	 * over its months, the remainder on the last); a null or zero amount removes them.
	 */
	@Transactional
	public List<Quota> set(UUID userId, String periodText, BigDecimal amount, String currencyCode) {
		if (!access.currentUser().role().editsEverything()) {
			throw new org.sencrm.platform.AccessDeniedException("quota");
		}
		var problems = new ValidationException.Collector();
		if (userId == null) {
			problems.add("userId", "validation.required");
		} else if (users.user(userId).isEmpty()) {
			problems.add("userId", "validation.owner");
		}
		Period period = null;
		try {
			period = Period.parse(periodText, "period");
		} catch (ValidationException e) {
			e.problems().forEach(p -> problems.add(p.field(), p.code()));
		}
		var currency = Amounts.currency(currencyCode == null || currencyCode.isBlank() ? users.workspace().currency() : currencyCode,
				"currency", problems);
		var value = currency == null ? null : Amounts.amount(amount, currency, "amount", problems);
		problems.throwIfAny();
		var months = period.monthList();
		var digits = org.sencrm.sales.pricing.Money.digits(currency);
		var each = value == null ? BigDecimal.ZERO
				: value.divide(BigDecimal.valueOf(months.size()), digits, java.math.RoundingMode.DOWN);
		var result = new java.util.ArrayList<Quota>();
		for (int i = 0; i < months.size(); i++) {
			var month = months.get(i);
			jdbc.sql("delete from sales_quotas where workspace_id = :ws and user_id = :u and month = :m")
					.param("ws", WorkspaceContext.workspaceId()).param("u", userId).param("m", Date.valueOf(month.atDay(1))).update();
			var share = i == months.size() - 1 && value != null ? value.subtract(each.multiply(BigDecimal.valueOf(months.size() - 1))) : each;
			if (share.signum() > 0) {
				jdbc.sql("insert into sales_quotas (workspace_id, user_id, month, amount, currency) values (:ws, :u, :m, :a, :c)")
						.param("ws", WorkspaceContext.workspaceId()).param("u", userId).param("m", Date.valueOf(month.atDay(1)))
						.param("a", share).param("c", currency).update();
				result.add(new Quota(userId, month, share, currency));
			}
		}
		return result;
	}

	/** Quotas of the months of the period per currency and user, summed. */
	@Transactional(readOnly = true)
	public Map<String, Map<UUID, BigDecimal>> ofPeriod(Period period) {
		var result = new HashMap<String, Map<UUID, BigDecimal>>();
		jdbc.sql("""
				select currency, user_id, sum(amount) from sales_quotas
				where workspace_id = :ws and month >= :start and month < :end group by currency, user_id""")
				.param("ws", WorkspaceContext.workspaceId()).param("start", Date.valueOf(period.start()))
				.param("end", Date.valueOf(period.end()))
				.query(rs -> {
					result.computeIfAbsent(rs.getString(1).strip(), c -> new HashMap<>()).put(rs.getObject(2, UUID.class),
							org.sencrm.sales.pricing.Money.round(rs.getBigDecimal(3), rs.getString(1).strip()));
				});
		return result;
	}

	/** Every quota of the period's months. */
	@Transactional(readOnly = true)
	public List<Quota> list(Period period) {
		return jdbc.sql("""
				select user_id, month, amount, currency from sales_quotas
				where workspace_id = :ws and month >= :start and month < :end order by month, user_id""")
				.param("ws", WorkspaceContext.workspaceId()).param("start", Date.valueOf(period.start()))
				.param("end", Date.valueOf(period.end()))
				.query((rs, n) -> new Quota(rs.getObject(1, UUID.class), YearMonth.from(rs.getDate(2).toLocalDate()),
						rs.getBigDecimal(3), rs.getString(4)))
				.list();
	}
}

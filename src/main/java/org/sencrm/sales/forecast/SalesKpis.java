package org.sencrm.sales.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales KPIs of a period (definitions in docs/decisions/0012): leads captured, lead to
 * opportunity conversion, win rate, average deal size, sales cycle length, revenue per
 * salesperson and contract renewal rate. Amounts are in one currency; the user's sight and the
 * owner and team filters apply as in the forecast.
 */
@Service
public class SalesKpis {

	public record Kpis(String period, String currency, long leadsCaptured, long leadsConverted, BigDecimal leadConversionPercent,
			long wonDeals, long lostDeals, BigDecimal winRatePercent, BigDecimal averageDealSize, BigDecimal salesCycleDays,
			BigDecimal revenue, List<Revenue> revenueBySalesperson, long contractsEnding, long contractsRenewed,
			BigDecimal renewalRatePercent) {
	}

	/** Revenue of one salesperson: totals of their orders placed in the period (not cancelled). */
	public record Revenue(UUID userId, String name, BigDecimal amount, long orders) {
	}

	private final JdbcClient jdbc;
	private final Forecasts forecasts;
	private final UserDirectory users;

	SalesKpis(JdbcClient jdbc, Forecasts forecasts, UserDirectory users) {
		this.jdbc = jdbc;
		this.forecasts = forecasts;
		this.users = users;
	}

	@Transactional(readOnly = true)
	public Kpis of(Period period, Forecasts.Filter filter) {
		var currency = forecasts.currency(filter.currency());
		var zone = ZoneId.of(users.workspace().timeZone());
		var from = Timestamp.from(period.start().atStartOfDay(zone).toInstant());
		var until = Timestamp.from(period.end().atStartOfDay(zone).toInstant());
		var digits = Currency.getInstance(currency).getDefaultFractionDigits();

		var leadScope = forecasts.scope(filter, "l");
		var leads = jdbc.sql("""
				select count(*), count(*) filter (where l.converted_opportunity_id is not null) from leads l
				where l.workspace_id = :ws and l.created_at >= :from and l.created_at < :until""" + leadScope.where())
				.params(params(leadScope)).param("from", from).param("until", until)
				.query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();

		var dealScope = forecasts.scope(filter, "o");
		var deals = jdbc.sql("""
				select count(*) filter (where o.status = 'won'), count(*) filter (where o.status = 'lost'),
				  avg(o.amount) filter (where o.status = 'won' and o.currency = :currency),
				  avg(extract(epoch from o.closed_at - o.created_at) / 86400) filter (where o.status = 'won')
				from opportunities o
				where o.workspace_id = :ws and o.expected_close_date >= :start and o.expected_close_date < :end
				  and o.status in ('won', 'lost')""" + dealScope.where())
				.params(params(dealScope)).param("start", Date.valueOf(period.start())).param("end", Date.valueOf(period.end()))
				.param("currency", currency)
				.query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)}).single();
		var won = (long) deals[0];
		var lost = (long) deals[1];

		var orderScope = forecasts.scope(filter, "r");
		var names = new HashMap<UUID, String>();
		users.users().forEach(u -> names.put(u.id(), u.displayName()));
		var revenue = new ArrayList<Revenue>();
		jdbc.sql("""
				select r.owner_id, sum(r.total), count(*) from orders r
				where r.workspace_id = :ws and r.placed_at >= :from and r.placed_at < :until
				  and r.status in ('confirmed', 'delivered', 'paid') and r.currency = :currency""" + orderScope.where() + """

				group by r.owner_id order by 2 desc""")
				.params(params(orderScope)).param("from", from).param("until", until).param("currency", currency)
				.query(rs -> {
					revenue.add(new Revenue(rs.getObject(1, UUID.class), names.getOrDefault(rs.getObject(1, UUID.class), "?"),
							rs.getBigDecimal(2).setScale(digits, RoundingMode.HALF_UP), rs.getLong(3)));
				});
		var revenueTotal = revenue.stream().map(Revenue::amount).reduce(BigDecimal.ZERO, BigDecimal::add);

		var contractScope = forecasts.scope(filter, "c");
		var contracts = jdbc.sql("""
				select count(*), count(*) filter (where c.status = 'renewed'
				  or exists (select 1 from contracts n where n.workspace_id = c.workspace_id and n.renewed_from_id = c.id))
				from contracts c
				where c.workspace_id = :ws and c.end_date >= :start and c.end_date < :end and c.status <> 'cancelled'"""
				+ contractScope.where())
				.params(params(contractScope)).param("start", Date.valueOf(period.start())).param("end", Date.valueOf(period.end()))
				.query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();

		return new Kpis(period.label(), currency, leads[0], leads[1], percent(leads[1], leads[0]), won, lost,
				percent(won, won + lost), deals[2] == null ? null : ((BigDecimal) deals[2]).setScale(digits, RoundingMode.HALF_UP),
				deals[3] == null ? null : ((BigDecimal) deals[3]).setScale(1, RoundingMode.HALF_UP), revenueTotal, revenue,
				contracts[0], contracts[1], percent(contracts[1], contracts[0]));
	}

	private static HashMap<String, Object> params(Forecasts.Scope scope) {
		var params = new HashMap<String, Object>(scope.params());
		params.put("ws", WorkspaceContext.workspaceId());
		return params;
	}

	/** {@code part} of {@code whole} in percent with one decimal; null when there is no whole. */
	static BigDecimal percent(long part, long whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}
}

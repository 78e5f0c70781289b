package org.sencrm.sales.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.currency.ExchangeRates;
import org.sencrm.sales.pricing.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales KPIs of a period (definitions in docs/decisions/0012): leads captured, lead to
 * opportunity conversion, win rate, average deal size, sales cycle length, revenue per
 * salesperson and contract renewal rate. Amounts are in one currency; {@code inBaseCurrency} adds
 * the money KPIs of every currency up in the workspace's currency at the rates of the period's last
 * day (decision 0016). The user's sight and the owner and team filters apply as in the forecast.
 */
@Service
public class SalesKpis {

	public record Kpis(String period, String currency, long leadsCaptured, long leadsConverted, BigDecimal leadConversionPercent,
			long wonDeals, long lostDeals, BigDecimal winRatePercent, BigDecimal averageDealSize, BigDecimal salesCycleDays,
			BigDecimal revenue, List<Revenue> revenueBySalesperson, long contractsEnding, long contractsRenewed,
			BigDecimal renewalRatePercent, InBaseCurrency inBaseCurrency) {
	}

	/**
	 * The money KPIs of every currency in the workspace's base {@code currency} at the rates valid on
	 * {@code rateDate} (the period's last day): each currency's won amount and each salesperson's
	 * revenue in it converted and rounded HALF_UP on their own, then added up. The average deal size
	 * is the converted won amount over the won deals of the converted currencies ({@code wonDeals}).
	 * Currencies without a rate are in {@code notConverted} and in no converted amount.
	 */
	@Schema(name = "KpisInBaseCurrency")
	public record InBaseCurrency(String currency, LocalDate rateDate, long wonDeals, BigDecimal wonAmount,
			BigDecimal averageDealSize, BigDecimal revenue, List<Revenue> revenueBySalesperson, List<CurrencyAmounts> byCurrency,
			List<String> notConverted) {
	}

	/**
	 * One currency's won deals and orders of the period with its rate on the rate date (1 for the
	 * base currency) and the amounts converted (null without a rate).
	 */
	public record CurrencyAmounts(String currency, BigDecimal rateToBase, LocalDate rateValidFrom, long wonDeals,
			BigDecimal wonAmount, BigDecimal wonAmountInBase, long orders, BigDecimal revenue, BigDecimal revenueInBase) {
	}

	/** Won deals of one currency: their count and amount, the cycle days summed and how many had them. */
	private record Won(long deals, long lost, BigDecimal amount, BigDecimal cycleDays, long cycles) {
	}

	/** Orders of one owner in one currency. */
	private record Sold(UUID ownerId, String currency, BigDecimal amount, long orders) {
	}

	/** Revenue of one salesperson: totals of their orders placed in the period (not cancelled). */
	public record Revenue(UUID userId, String name, BigDecimal amount, long orders) {
	}

	private final JdbcClient jdbc;
	private final Forecasts forecasts;
	private final UserDirectory users;
	private final ExchangeRates exchangeRates;

	SalesKpis(JdbcClient jdbc, Forecasts forecasts, UserDirectory users, ExchangeRates exchangeRates) {
		this.jdbc = jdbc;
		this.forecasts = forecasts;
		this.users = users;
		this.exchangeRates = exchangeRates;
	}

	@Transactional(readOnly = true)
	public Kpis of(Period period, Forecasts.Filter filter) {
		var currency = forecasts.currency(filter.currency());
		var zone = ZoneId.of(users.workspace().timeZone());
		var from = Timestamp.from(period.start().atStartOfDay(zone).toInstant());
		var until = Timestamp.from(period.end().atStartOfDay(zone).toInstant());
		var digits = Money.digits(currency);

		var leadScope = forecasts.scope(filter, "l");
		var leads = jdbc.sql("""
				select count(*), count(*) filter (where l.converted_opportunity_id is not null) from leads l
				where l.workspace_id = :ws and l.created_at >= :from and l.created_at < :until""" + leadScope.where())
				.params(params(leadScope)).param("from", from).param("until", until)
				.query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();

		var dealScope = forecasts.scope(filter, "o");
		var wonByCurrency = new TreeMap<String, Won>();
		jdbc.sql("""
				select o.currency, count(*) filter (where o.status = 'won'), count(*) filter (where o.status = 'lost'),
				  sum(o.amount) filter (where o.status = 'won'),
				  sum(extract(epoch from o.closed_at - o.created_at) / 86400) filter (where o.status = 'won'),
				  count(o.closed_at) filter (where o.status = 'won')
				from opportunities o
				where o.workspace_id = :ws and o.expected_close_date >= :start and o.expected_close_date < :end
				  and o.status in ('won', 'lost')""" + dealScope.where() + """

				group by o.currency""")
				.params(params(dealScope)).param("start", Date.valueOf(period.start())).param("end", Date.valueOf(period.end()))
				.query(rs -> {
					wonByCurrency.put(rs.getString(1).strip(), new Won(rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
							rs.getBigDecimal(5), rs.getLong(6)));
				});
		var won = wonByCurrency.values().stream().mapToLong(Won::deals).sum();
		var lost = wonByCurrency.values().stream().mapToLong(Won::lost).sum();
		var inCurrency = wonByCurrency.get(currency);
		var averageDealSize = inCurrency == null || inCurrency.deals() == 0 ? null
				: inCurrency.amount().divide(BigDecimal.valueOf(inCurrency.deals()), digits, RoundingMode.HALF_UP);
		var cycles = wonByCurrency.values().stream().mapToLong(Won::cycles).sum();
		var salesCycleDays = cycles == 0 ? null
				: wonByCurrency.values().stream().map(Won::cycleDays).filter(d -> d != null).reduce(BigDecimal.ZERO, BigDecimal::add)
						.divide(BigDecimal.valueOf(cycles), 1, RoundingMode.HALF_UP);

		var orderScope = forecasts.scope(filter, "r");
		var names = new HashMap<UUID, String>();
		users.users().forEach(u -> names.put(u.id(), u.displayName()));
		var sold = new ArrayList<Sold>();
		jdbc.sql("""
				select r.owner_id, r.currency, sum(r.total), count(*) from orders r
				where r.workspace_id = :ws and r.placed_at >= :from and r.placed_at < :until
				  and r.status in ('confirmed', 'delivered', 'paid')""" + orderScope.where() + """

				group by r.owner_id, r.currency""")
				.params(params(orderScope)).param("from", from).param("until", until)
				.query(rs -> {
					sold.add(new Sold(rs.getObject(1, UUID.class), rs.getString(2).strip(), rs.getBigDecimal(3), rs.getLong(4)));
				});
		var revenue = new ArrayList<Revenue>();
		sold.stream().filter(s -> s.currency().equals(currency)).forEach(s -> revenue.add(new Revenue(s.ownerId(),
				names.getOrDefault(s.ownerId(), "?"), Money.round(s.amount(), currency), s.orders())));
		revenue.sort(BIGGEST_FIRST);
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
				percent(won, won + lost), averageDealSize, salesCycleDays, revenueTotal, revenue,
				contracts[0], contracts[1], percent(contracts[1], contracts[0]), inBaseCurrency(period, wonByCurrency, sold, names));
	}

	private static final Comparator<Revenue> BIGGEST_FIRST = Comparator.comparing(Revenue::amount).reversed()
			.thenComparing(Revenue::name);

	/**
	 * The won amounts and revenue of every currency converted at the rates valid on the period's last
	 * day: each currency's won amount, and each owner's revenue in it, converted and rounded on their
	 * own, then added up (decision 0016). Currencies without a rate are listed, not dropped.
	 */
	private InBaseCurrency inBaseCurrency(Period period, TreeMap<String, Won> wonByCurrency, List<Sold> sold,
			HashMap<UUID, String> names) {
		var rates = exchangeRates.on(period.lastDay());
		var base = rates.baseCurrency();
		var zero = BigDecimal.ZERO.setScale(Money.digits(base));
		var currencies = new TreeMap<String, List<Sold>>(Comparator.comparing((String c) -> !c.equals(base)).thenComparing(c -> c));
		wonByCurrency.forEach((c, w) -> {
			if (w.deals() > 0) {
				currencies.put(c, new ArrayList<>());
			}
		});
		sold.forEach(s -> currencies.computeIfAbsent(s.currency(), c -> new ArrayList<>()).add(s));
		long wonDeals = 0;
		var wonAmount = zero;
		var revenueTotal = zero;
		var owners = new LinkedHashMap<UUID, Revenue>();
		var byCurrency = new ArrayList<CurrencyAmounts>();
		var notConverted = new ArrayList<String>();
		for (var entry : currencies.entrySet()) {
			var currency = entry.getKey();
			var w = wonByCurrency.getOrDefault(currency, new Won(0, 0, null, null, 0));
			var amountWon = Money.round(w.amount() == null ? BigDecimal.ZERO : w.amount(), currency);
			var orders = entry.getValue().stream().mapToLong(Sold::orders).sum();
			var revenue = Money.round(entry.getValue().stream().map(Sold::amount).reduce(BigDecimal.ZERO, BigDecimal::add), currency);
			var rate = rates.rate(currency);
			if (rate.isEmpty()) {
				notConverted.add(currency);
				byCurrency.add(new CurrencyAmounts(currency, null, null, w.deals(), amountWon, null, orders, revenue, null));
				continue;
			}
			var wonInBase = rates.toBase(amountWon, rate.get());
			var revenueInBase = entry.getValue().stream().map(s -> rates.toBase(s.amount(), rate.get()))
					.reduce(zero, BigDecimal::add);
			wonDeals += w.deals();
			wonAmount = wonAmount.add(wonInBase);
			revenueTotal = revenueTotal.add(revenueInBase);
			for (var s : entry.getValue()) {
				var converted = new Revenue(s.ownerId(), names.getOrDefault(s.ownerId(), "?"), rates.toBase(s.amount(), rate.get()),
						s.orders());
				owners.merge(s.ownerId(), converted, (a, b) -> new Revenue(a.userId(), a.name(), a.amount().add(b.amount()),
						a.orders() + b.orders()));
			}
			byCurrency.add(new CurrencyAmounts(currency, rate.get(), rates.validFrom(currency), w.deals(), amountWon, wonInBase,
					orders, revenue, revenueInBase));
		}
		var revenueBySalesperson = new ArrayList<>(owners.values());
		revenueBySalesperson.sort(BIGGEST_FIRST);
		var average = wonDeals == 0 ? null : wonAmount.divide(BigDecimal.valueOf(wonDeals), zero.scale(), RoundingMode.HALF_UP);
		return new InBaseCurrency(base, rates.day(), wonDeals, wonAmount, average, revenueTotal, revenueBySalesperson, byCurrency,
				notConverted);
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

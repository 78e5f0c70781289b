package org.sencrm.sales.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.Amounts;
import org.sencrm.sales.currency.ExchangeRates;
import org.sencrm.sales.opportunity.OpportunityAccess;
import org.sencrm.sales.pricing.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the {@link Forecast} of a period from the opportunities whose close date falls in it
 * (the expected date while open, the day they closed once won or lost), in every currency at once,
 * and adds them up in the workspace's currency at the rates of the period's last day. The deals a
 * user counts are those {@link OpportunityAccess} lets them see — the board's rule, in one place:
 * sales, marketing and support users their own and their teams' deals; managers, administrators
 * and viewers the whole workspace.
 */
@Service
public class Forecasts {

	/** Open deals in stages at least this likely count toward commit unless their category says otherwise (decision 0012). */
	public static final int COMMIT_PROBABILITY = 70;

	/** Months of past bookings the trend is fitted to. */
	static final int HISTORY_MONTHS = 12;

	private static final Comparator<Forecast.Row> BIGGEST_FIRST = Comparator
			.comparing((Forecast.Row r) -> r.figures().closedWon()).reversed().thenComparing(Forecast.Row::name);

	private final JdbcClient jdbc;
	private final OpportunityAccess opportunityAccess;
	private final UserDirectory users;
	private final Quotas quotas;
	private final ExchangeRates exchangeRates;

	Forecasts(JdbcClient jdbc, OpportunityAccess opportunityAccess, UserDirectory users, Quotas quotas,
			ExchangeRates exchangeRates) {
		this.jdbc = jdbc;
		this.opportunityAccess = opportunityAccess;
		this.users = users;
		this.quotas = quotas;
		this.exchangeRates = exchangeRates;
	}

	/** Filters of a forecast: all optional; the currency defaults to the workspace's. */
	public record Filter(String currency, UUID ownerId, UUID teamId) {
	}

	/** The query's figures of one currency: per owner, per owning team, and for deals of no team. */
	private static final class Slices {
		final Map<UUID, Forecast.Figures> owners = new LinkedHashMap<>();
		final Map<UUID, Forecast.Figures> teams = new HashMap<>();
		Forecast.Figures noTeam;
	}

	/** The forecast of one currency: its total, owners (with quotas) and teams. */
	private record InCurrency(Forecast.Figures total, List<Forecast.Row> byOwner, List<Forecast.Row> byTeam) {
	}

	@Transactional(readOnly = true)
	public Forecast forecast(Period period, Filter filter) {
		var currency = currency(filter.currency());
		var scope = scope(filter, "o");
		var slices = slices(period, scope);
		var periodQuotas = quotas.ofPeriod(period);
		var currencies = new LinkedHashSet<String>();
		currencies.add(currency);
		currencies.addAll(new TreeMap<>(slices).keySet());
		currencies.addAll(new TreeMap<>(periodQuotas).keySet());
		var names = new HashMap<UUID, String>(); // users' and teams' names by id (UUIDv7: never the same)
		users.users().forEach(u -> names.put(u.id(), u.displayName()));
		users.teams().forEach(t -> names.put(t.id(), t.name()));
		var sight = opportunityAccess.sight();
		var perCurrency = new LinkedHashMap<String, InCurrency>();
		for (var c : currencies) {
			perCurrency.put(c, inCurrency(c, slices.getOrDefault(c, new Slices()), periodQuotas.getOrDefault(c, Map.of()), filter,
					sight, names));
		}
		var main = perCurrency.get(currency);
		var otherCurrencyDeals = perCurrency.entrySet().stream().filter(e -> !e.getKey().equals(currency))
				.map(e -> e.getValue().total())
				.mapToLong(f -> f.openDeals() + f.wonDeals() + f.omittedDeals()).sum();
		var history = history(period, currency, scope);
		return new Forecast(period.label(), currency, main.total(), fromHistory(history, period, currency), history, main.byOwner(),
				main.byTeam(), otherCurrencyDeals, inBaseCurrency(period, perCurrency, names));
	}

	/**
	 * Every currency's sums per owner and per team in one grouped query: an index-only range scan of
	 * {@code opportunities_forecast} over the period's close dates (decision 16 for the categories).
	 */
	private Map<String, Slices> slices(Period period, Scope scope) {
		var params = new HashMap<String, Object>(scope.params());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("start", Date.valueOf(period.start()));
		params.put("end", Date.valueOf(period.end()));
		params.put("commit", COMMIT_PROBABILITY);
		var slices = new HashMap<String, Slices>();
		jdbc.sql("""
				select grouping(o.owner_id) as by_team, o.currency, o.owner_id, o.owner_team_id,
				  coalesce(sum(o.amount) filter (where o.status = 'won'), 0) as won,
				  coalesce(sum(o.amount * s.probability / 100) filter (where o.status = 'open'
				    and o.forecast_category is distinct from 'omitted'), 0) as weighted,
				  coalesce(sum(o.amount) filter (where o.status = 'open' and (o.forecast_category = 'commit'
				    or o.forecast_category is null and s.probability >= :commit)), 0) as commit_open,
				  coalesce(sum(o.amount) filter (where o.status = 'open' and (o.forecast_category is null
				    or o.forecast_category in ('commit', 'best_case'))), 0) as best_open,
				  count(*) filter (where o.status = 'open' and o.forecast_category is distinct from 'omitted') as open_deals,
				  count(*) filter (where o.status = 'open' and o.forecast_category = 'omitted') as omitted_deals,
				  count(*) filter (where o.status = 'won') as won_deals
				from opportunities o join pipeline_stages s on s.workspace_id = o.workspace_id and s.id = o.stage_id
				where o.workspace_id = :ws and o.expected_close_date >= :start and o.expected_close_date < :end""" + scope.where() + """

				group by grouping sets ((o.currency, o.owner_id), (o.currency, o.owner_team_id))""")
				.params(params)
				.query(rs -> {
					var currency = rs.getString("currency").strip();
					var won = rs.getBigDecimal("won");
					var figures = new Forecast.Figures(Money.round(won, currency), Money.round(rs.getBigDecimal("weighted"), currency),
							Money.round(won.add(rs.getBigDecimal("commit_open")), currency),
							Money.round(won.add(rs.getBigDecimal("best_open")), currency),
							rs.getLong("open_deals"), rs.getLong("won_deals"), rs.getLong("omitted_deals"), null, null);
					var slice = slices.computeIfAbsent(currency, c -> new Slices());
					if (rs.getInt("by_team") == 0) {
						slice.owners.put(rs.getObject("owner_id", UUID.class), figures);
					} else if (rs.getObject("owner_team_id") == null) {
						slice.noTeam = figures;
					} else {
						slice.teams.put(rs.getObject("owner_team_id", UUID.class), figures);
					}
				});
		return slices;
	}

	/** One currency's rows: every owner with deals, or with a quota whom the user may see, and the teams. */
	private static InCurrency inCurrency(String currency, Slices slices, Map<UUID, BigDecimal> ownerQuotas, Filter filter,
			OpportunityAccess.Sight sight, Map<UUID, String> names) {
		var owners = new LinkedHashSet<>(slices.owners.keySet());
		ownerQuotas.keySet().stream()
				.filter(id -> (filter.ownerId() == null || filter.ownerId().equals(id)) && filter.teamId() == null && sight.sees(id, null))
				.forEach(owners::add);
		var byOwner = new ArrayList<Forecast.Row>();
		for (var owner : owners) {
			var figures = slices.owners.getOrDefault(owner, Forecast.Figures.zero(currency)).withQuota(ownerQuotas.get(owner));
			byOwner.add(new Forecast.Row(owner, names.getOrDefault(owner, "?"), figures));
		}
		byOwner.sort(BIGGEST_FIRST);
		var byTeam = new ArrayList<Forecast.Row>();
		slices.teams.forEach((id, figures) -> byTeam.add(new Forecast.Row(id, names.getOrDefault(id, "?"), figures)));
		byTeam.sort(Comparator.comparing(Forecast.Row::name));
		if (slices.noTeam != null) {
			byTeam.add(new Forecast.Row(null, null, slices.noTeam));
		}
		var total = byOwner.stream().map(Forecast.Row::figures).reduce(Forecast.Figures.zero(currency), Forecast.Figures::plus);
		return new InCurrency(total, byOwner, byTeam);
	}

	/**
	 * Every currency converted into the base currency at the rates valid on the period's last day:
	 * each currency's total and each owner's figures are converted and rounded on their own, then
	 * added up (decision 16). Currencies without a rate are listed, not dropped.
	 */
	private Forecast.InBaseCurrency inBaseCurrency(Period period, Map<String, InCurrency> perCurrency, Map<UUID, String> names) {
		var rates = exchangeRates.on(period.lastDay());
		var base = rates.baseCurrency();
		var total = Forecast.Figures.zero(base);
		var owners = new LinkedHashMap<UUID, Forecast.Figures>();
		var byCurrency = new ArrayList<Forecast.CurrencyFigures>();
		var notConverted = new ArrayList<String>();
		var ordered = new ArrayList<>(perCurrency.keySet());
		ordered.sort(Comparator.comparing((String c) -> !c.equals(base)).thenComparing(c -> c));
		for (var currency : ordered) {
			var figures = perCurrency.get(currency);
			if (!figures.total().anything()) {
				continue;
			}
			var rate = rates.rate(currency);
			if (rate.isEmpty()) {
				notConverted.add(currency);
				byCurrency.add(new Forecast.CurrencyFigures(currency, figures.total(), null, null, null));
				continue;
			}
			var inBase = figures.total().converted(rates, rate.get());
			total = total.plus(inBase);
			byCurrency.add(new Forecast.CurrencyFigures(currency, figures.total(), rate.get(), rates.validFrom(currency), inBase));
			figures.byOwner().forEach(row -> owners.merge(row.id(), row.figures().converted(rates, rate.get()), Forecast.Figures::plus));
		}
		var byOwner = new ArrayList<Forecast.Row>();
		owners.forEach((id, figures) -> byOwner.add(new Forecast.Row(id, names.getOrDefault(id, "?"), figures)));
		byOwner.sort(BIGGEST_FIRST);
		return new Forecast.InBaseCurrency(base, rates.day(), total, byOwner, byCurrency, notConverted);
	}

	/**
	 * Closed-won amounts per month over the {@link #HISTORY_MONTHS} months before the period, from
	 * the first month that has any (a young workspace is not a run of empty months).
	 */
	private List<Forecast.MonthlyBookings> history(Period period, String currency, Scope scope) {
		var params = new HashMap<String, Object>(scope.params());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("from", Date.valueOf(period.start().minusMonths(HISTORY_MONTHS)));
		params.put("start", Date.valueOf(period.start()));
		params.put("currency", currency);
		var amounts = new HashMap<YearMonth, BigDecimal>();
		jdbc.sql("""
				select date_trunc('month', o.expected_close_date)::date as month, sum(o.amount) as amount
				from opportunities o
				where o.workspace_id = :ws and o.expected_close_date >= :from and o.expected_close_date < :start
				  and o.status = 'won' and o.currency = :currency""" + scope.where() + """

				group by 1""")
				.params(params)
				.query(rs -> {
					amounts.put(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getBigDecimal("amount"));
				});
		var months = new ArrayList<Forecast.MonthlyBookings>();
		var first = amounts.keySet().stream().min(YearMonth::compareTo);
		if (first.isEmpty()) {
			return months;
		}
		for (var month = first.get(); month.isBefore(period.firstMonth()); month = month.plusMonths(1)) {
			months.add(new Forecast.MonthlyBookings(month, amounts.getOrDefault(month, BigDecimal.ZERO)));
		}
		return months;
	}

	/**
	 * The least-squares line through the monthly bookings, carried into each month of the period
	 * and summed; never below zero. Fewer than three months: their average per month. No history:
	 * null (nothing to go on).
	 */
	static BigDecimal fromHistory(List<Forecast.MonthlyBookings> history, Period period, String currency) {
		if (history.isEmpty()) {
			return null;
		}
		var digits = Money.digits(currency);
		if (history.size() < 3) {
			var sum = history.stream().map(Forecast.MonthlyBookings::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			return sum.multiply(BigDecimal.valueOf(period.months())).divide(BigDecimal.valueOf(history.size()), digits,
					RoundingMode.HALF_UP);
		}
		var line = new SimpleRegression();
		for (int i = 0; i < history.size(); i++) {
			line.addData(i, history.get(i).amount().doubleValue());
		}
		var predicted = 0.0;
		var firstOfPeriod = history.get(0).month().until(period.firstMonth(), java.time.temporal.ChronoUnit.MONTHS);
		for (int m = 0; m < period.months(); m++) {
			predicted += Math.max(0, line.predict(firstOfPeriod + m));
		}
		return BigDecimal.valueOf(predicted).setScale(digits, RoundingMode.HALF_UP);
	}

	String currency(String requested) {
		if (requested == null || requested.isBlank()) {
			return users.workspace().currency();
		}
		var problems = new ValidationException.Collector();
		var code = Amounts.currency(requested, "currency", problems);
		problems.throwIfAny();
		return code;
	}

	/** The deals a forecast counts: the user's sight, narrowed by the owner and team filters. */
	record Scope(String where, Map<String, Object> params) {
	}

	/**
	 * The conditions on the table aliased {@code alias}, which has owner_id and owner_team_id columns:
	 * the opportunities' sight rule ({@link OpportunityAccess.Sight#condition}) and the filters.
	 */
	Scope scope(Filter filter, String alias) {
		var where = new StringBuilder();
		var params = new HashMap<String, Object>();
		var sight = opportunityAccess.sight();
		var condition = sight.condition(alias);
		if (condition != null) {
			where.append(" and ").append(condition);
			params.putAll(sight.params());
		}
		if (filter.ownerId() != null) {
			where.append(" and " + alias + ".owner_id = :owner");
			params.put("owner", filter.ownerId());
		}
		if (filter.teamId() != null) {
			where.append(" and " + alias + ".owner_team_id = :team");
			params.put("team", filter.teamId());
		}
		return new Scope(where.toString(), params);
	}
}

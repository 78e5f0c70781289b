package org.sencrm.sales.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.sencrm.identity.Access;
import org.sencrm.identity.Role;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.Amounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the {@link Forecast} of a period from the opportunities whose close date falls in it
 * (the expected date while open, the day they closed once won or lost). Sales, marketing and
 * support users see the figures of their own deals and their teams' deals, like the board;
 * managers, administrators and viewers see the whole workspace.
 */
@Service
public class Forecasts {

	/** Open deals in stages at least this likely count toward commit (decision 0012). */
	public static final int COMMIT_PROBABILITY = 70;

	/** Months of past bookings the trend is fitted to. */
	static final int HISTORY_MONTHS = 12;

	private final JdbcClient jdbc;
	private final Access access;
	private final UserDirectory users;
	private final Quotas quotas;

	Forecasts(JdbcClient jdbc, Access access, UserDirectory users, Quotas quotas) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.quotas = quotas;
	}

	/** Filters of a forecast: all optional; the currency defaults to the workspace's. */
	public record Filter(String currency, UUID ownerId, UUID teamId) {
	}

	@Transactional(readOnly = true)
	public Forecast forecast(Period period, Filter filter) {
		var currency = currency(filter.currency());
		var scope = scope(filter, "o");
		var params = new HashMap<String, Object>(scope.params());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("start", Date.valueOf(period.start()));
		params.put("end", Date.valueOf(period.end()));
		params.put("currency", currency);
		params.put("commit", COMMIT_PROBABILITY);
		var owners = new HashMap<UUID, Forecast.Figures>();
		var teams = new HashMap<UUID, Forecast.Figures>();
		var noTeam = new Forecast.Figures[1];
		jdbc.sql("""
				select grouping(o.owner_id) as by_team, o.owner_id, o.owner_team_id,
				  coalesce(sum(o.amount) filter (where o.status = 'won'), 0) as won,
				  coalesce(sum(o.amount * s.probability / 100) filter (where o.status = 'open'), 0) as weighted,
				  coalesce(sum(o.amount) filter (where o.status = 'open' and s.probability >= :commit), 0) as commit_open,
				  coalesce(sum(o.amount) filter (where o.status = 'open'), 0) as open_amount,
				  count(*) filter (where o.status = 'open') as open_deals,
				  count(*) filter (where o.status = 'won') as won_deals
				from opportunities o join pipeline_stages s on s.workspace_id = o.workspace_id and s.id = o.stage_id
				where o.workspace_id = :ws and o.expected_close_date >= :start and o.expected_close_date < :end
				  and o.currency = :currency""" + scope.where() + """

				group by grouping sets ((o.owner_id), (o.owner_team_id))""")
				.params(params)
				.query(rs -> {
					var won = rs.getBigDecimal("won");
					var figures = figures(won, rs.getBigDecimal("weighted"), won.add(rs.getBigDecimal("commit_open")),
							won.add(rs.getBigDecimal("open_amount")), rs.getLong("open_deals"), rs.getLong("won_deals"), currency);
					if (rs.getInt("by_team") == 0) {
						owners.put(rs.getObject("owner_id", UUID.class), figures);
					} else if (rs.getObject("owner_team_id") == null) {
						noTeam[0] = figures;
					} else {
						teams.put(rs.getObject("owner_team_id", UUID.class), figures);
					}
				});
		var ownerQuotas = quotas.ofPeriod(period, currency);
		var byOwner = new ArrayList<Forecast.Row>();
		var userNames = new HashMap<UUID, String>();
		users.users().forEach(u -> userNames.put(u.id(), u.displayName()));
		var sight = sight();
		var quotaOwners = new java.util.LinkedHashSet<>(owners.keySet());
		ownerQuotas.keySet().stream().filter(id -> inScope(id, filter, sight)).forEach(quotaOwners::add);
		for (var owner : quotaOwners) {
			var figures = owners.getOrDefault(owner, figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, currency));
			byOwner.add(new Forecast.Row(owner, userNames.getOrDefault(owner, "?"), withQuota(figures, ownerQuotas.get(owner))));
		}
		byOwner.sort((a, b) -> b.figures().closedWon().compareTo(a.figures().closedWon()) != 0
				? b.figures().closedWon().compareTo(a.figures().closedWon()) : a.name().compareTo(b.name()));
		var teamNames = new HashMap<UUID, String>();
		users.teams().forEach(t -> teamNames.put(t.id(), t.name()));
		var byTeam = new ArrayList<Forecast.Row>();
		teams.forEach((id, figures) -> byTeam.add(new Forecast.Row(id, teamNames.getOrDefault(id, "?"), figures)));
		byTeam.sort((a, b) -> a.name().compareTo(b.name()));
		if (noTeam[0] != null) {
			byTeam.add(new Forecast.Row(null, null, noTeam[0]));
		}
		var total = total(byOwner, currency);
		var history = history(period, currency, scope);
		return new Forecast(period.label(), currency, total, fromHistory(history, period, currency), history, byOwner, byTeam,
				otherCurrencyDeals(period, currency, scope));
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
		var digits = Currency.getInstance(currency).getDefaultFractionDigits();
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

	private long otherCurrencyDeals(Period period, String currency, Scope scope) {
		var params = new HashMap<String, Object>(scope.params());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("start", Date.valueOf(period.start()));
		params.put("end", Date.valueOf(period.end()));
		params.put("currency", currency);
		return jdbc.sql("""
				select count(*) from opportunities o
				where o.workspace_id = :ws and o.expected_close_date >= :start and o.expected_close_date < :end
				  and o.status <> 'lost' and o.currency <> :currency""" + scope.where())
				.params(params).query(Long.class).single();
	}

	private static Forecast.Figures total(List<Forecast.Row> owners, String currency) {
		var won = BigDecimal.ZERO;
		var weighted = BigDecimal.ZERO;
		var commit = BigDecimal.ZERO;
		var best = BigDecimal.ZERO;
		var quota = BigDecimal.ZERO;
		long open = 0;
		long wonDeals = 0;
		var anyQuota = false;
		for (var row : owners) {
			var f = row.figures();
			won = won.add(f.closedWon());
			weighted = weighted.add(f.weighted());
			commit = commit.add(f.commit());
			best = best.add(f.bestCase());
			open += f.openDeals();
			wonDeals += f.wonDeals();
			if (f.quota() != null) {
				quota = quota.add(f.quota());
				anyQuota = true;
			}
		}
		return withQuota(figures(won, weighted, commit, best, open, wonDeals, currency), anyQuota ? quota : null);
	}

	private static Forecast.Figures figures(BigDecimal won, BigDecimal weighted, BigDecimal commit, BigDecimal best, long open,
			long wonDeals, String currency) {
		var digits = Currency.getInstance(currency).getDefaultFractionDigits();
		return new Forecast.Figures(won.setScale(digits, RoundingMode.HALF_UP), weighted.setScale(digits, RoundingMode.HALF_UP),
				commit.setScale(digits, RoundingMode.HALF_UP), best.setScale(digits, RoundingMode.HALF_UP), open, wonDeals, null, null);
	}

	private static Forecast.Figures withQuota(Forecast.Figures f, BigDecimal quota) {
		if (quota == null) {
			return f;
		}
		var attainment = quota.signum() == 0 ? null
				: f.closedWon().multiply(BigDecimal.valueOf(100)).divide(quota, 1, RoundingMode.HALF_UP);
		return new Forecast.Figures(f.closedWon(), f.weighted(), f.commit(), f.bestCase(), f.openDeals(), f.wonDeals(), quota,
				attainment);
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

	record Sight(boolean all, UUID userId, List<UUID> teamIds) {
	}

	Sight sight() {
		var user = access.currentUser();
		var all = user.role().editsEverything() || user.role() == Role.VIEWER;
		return new Sight(all, user.id(), List.copyOf(user.teamIds()));
	}

	private boolean inScope(UUID ownerId, Filter filter, Sight sight) {
		return (filter.ownerId() == null || filter.ownerId().equals(ownerId)) && filter.teamId() == null
				&& (sight.all() || sight.userId().equals(ownerId));
	}

	/** The conditions on the table aliased {@code alias}, which has owner_id and owner_team_id columns. */
	Scope scope(Filter filter, String alias) {
		var where = new StringBuilder();
		var params = new HashMap<String, Object>();
		var sight = sight();
		if (!sight.all()) {
			where.append(" and (a.owner_id = :me or a.owner_team_id = any(:myTeams))".replace("a.", alias + "."));
			params.put("me", sight.userId());
			params.put("myTeams", sight.teamIds().toArray(UUID[]::new));
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
